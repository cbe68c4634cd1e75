package org.tanghulu.uploads;

/**
 * The limits uploads are held to, as configured ({@code org.tanghulu.uploads}).
 *
 * @param maxFileBytes the largest file
 * @param maxTotalBytes the most bytes per draft or case
 * @param maxFiles the most files per draft or case
 */
public record Limits(long maxFileBytes, long maxTotalBytes, int maxFiles) {

    /** @return {@code bytes} in whole megabytes (rounded down, at least 1), for messages */
    public static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
