package org.tanghulu.window;

/** What the clerk found comparing a material's original with what was declared (核验原件). */
public enum Verdict {
    /** The original was presented and matches. */
    MATCHES,
    /** The original was presented and does not match; a reason is required. */
    MISMATCH,
    /** The original was not presented. */
    NOT_PRESENTED
}
