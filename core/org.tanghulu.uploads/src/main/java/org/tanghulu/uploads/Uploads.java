package org.tanghulu.uploads;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The applicants' uploaded files. Each call is its own transaction, committed before it returns.
 */
@ProviderType
public interface Uploads {

    /** @return the limits in force */
    Limits limits();

    /**
     * Checks a file and stores it with the draft.
     *
     * @param draft the application in progress
     * @param material the material's id (1 to 100 letters, digits, {@code .}, {@code -} or {@code _})
     * @param name the declared file name
     * @param bytes the content
     * @return the stored upload
     * @throws UploadRefused if the file is empty, not a PDF, JPEG or PNG by content, or over a limit
     */
    Upload addToDraft(Draft draft, String material, String name, byte[] bytes);

    /**
     * Checks a file and stores it with a submitted case (an answer to a correction request).
     *
     * @param owner the case's applicant, who uploads
     * @throws UploadRefused as {@link #addToDraft}
     */
    Upload addToCase(String trackingNumber, long owner, String group, String material, String name, byte[] bytes);

    /** @return the draft's uploads (not yet bound to a case), oldest first */
    List<Upload> ofDraft(long owner, String group);

    /** @return the submission key of the owner's draft uploads for the group, if there are any */
    Optional<String> draftKey(long owner, String group);

    /**
     * Binds the draft's uploads to the case its submission made. Idempotent: binding again does nothing.
     *
     * @return how many uploads were bound now
     */
    int bind(Draft draft, String trackingNumber);

    /** @return the case's uploads, oldest first */
    List<Upload> ofCase(String trackingNumber);

    /** @return the upload of that id, if any (access is the caller's to check) */
    Optional<Upload> find(String id);

    /** @return the bytes of the upload, if it exists */
    Optional<byte[]> content(String id);

    /**
     * Removes one of the owner's draft uploads.
     *
     * @return whether it was removed; {@code false} if there is none of that id in the owner's drafts (a bound
     *         upload is never removed)
     */
    boolean removeFromDraft(String id, long owner);
}
