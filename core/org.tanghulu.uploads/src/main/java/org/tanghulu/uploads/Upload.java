package org.tanghulu.uploads;

import java.time.Instant;

/**
 * One uploaded file, without its bytes.
 *
 * @param id the upload's id (a random UUID), unguessable
 * @param owner the applicant's account id
 * @param group the function group applied for
 * @param submissionKey the draft's submission key
 * @param trackingNumber the case it belongs to, {@code null} while it belongs to a draft
 * @param material the material's id in the matter definitions
 * @param name the file name as the applicant's browser declared it, cleaned of paths and control characters
 * @param type the type its content shows
 * @param size its size in bytes
 * @param sha256 the SHA-256 digest of its bytes, lower-case hex
 * @param uploadedBy who uploaded it: {@code applicant}
 * @param uploaded when
 */
public record Upload(String id, long owner, String group, String submissionKey, String trackingNumber, String material,
        String name, FileType type, long size, String sha256, String uploadedBy, Instant uploaded) {

    /**
     * @param attachment {@code true} to have the browser save the file, {@code false} to show it
     * @return the {@code Content-Disposition} header to serve the file with: its name as RFC 6266 asks, an ASCII
     *         stand-in (the detected type's extension kept) and the UTF-8 name
     */
    public String contentDisposition(boolean attachment) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!ascii.toLowerCase(java.util.Locale.ROOT).endsWith("." + type.extension())) {
            ascii = ascii + "." + type.extension();
        }
        return (attachment ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
