package org.tanghulu.uploads;

/** The kinds of file accepted as materials, as their content shows them to be. */
public enum FileType {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** @return the media type to serve the file with, e.g. {@code application/pdf} */
    public String mediaType() {
        return mediaType;
    }

    /** @return the usual file name extension, without the dot */
    public String extension() {
        return extension;
    }
}
