package org.tanghulu.window;

/**
 * The clerk's finding for one material.
 *
 * @param material the material's id, as the case declares it
 * @param verdict what the clerk found
 * @param reason why the original does not match: required for {@link Verdict#MISMATCH}, else may be {@code null}
 */
public record OriginalCheck(String material, Verdict verdict, String reason) {
}
