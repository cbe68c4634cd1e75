package org.tanghulu.window;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hook for uploaded materials: a bundle that stores applicants' files registers one as a DS
 * service, and the window shows the files next to each declared material so the clerk compares the
 * original with them. Without one the window shows the declared materials only.
 */
@ConsumerType
public interface UploadedFiles {

    /**
     * Must return quickly; called while a window page is made.
     *
     * @return the names of the files uploaded for {@code material} of the case, in upload order; empty if none
     */
    List<String> names(String trackingNumber, String material);
}
