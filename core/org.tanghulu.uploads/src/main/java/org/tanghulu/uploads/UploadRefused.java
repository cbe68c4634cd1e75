package org.tanghulu.uploads;

/**
 * A file that was not stored, and why; nothing else changed.
 */
public final class UploadRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a file is refused, with the HTTP status that fits. */
    public enum Reason {
        /** Not a PDF, JPEG or PNG file, or a damaged one (415). */
        TYPE(415),
        /** Larger than the limit per file (413). */
        TOO_LARGE(413),
        /** Would take the draft's or case's files over their total size (413). */
        TOTAL_TOO_LARGE(413),
        /** Would take the draft or case over the number of files (422). */
        TOO_MANY(422),
        /** No bytes (400). */
        EMPTY(400),
        /** No usable file name or material (400). */
        BAD_NAME(400);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /** @return the HTTP status that answers this refusal */
        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String fileName;
    private final transient Limits limits;

    public UploadRefused(Reason reason, String fileName, Limits limits) {
        super(reason + ": " + fileName);
        this.reason = reason;
        this.fileName = fileName;
        this.limits = limits;
    }

    public Reason reason() {
        return reason;
    }

    /** @return the refused file's declared name, cleaned, for the message */
    public String fileName() {
        return fileName;
    }

    /** @return the limits in force, for the message */
    public Limits limits() {
        return limits;
    }
}
