package org.tanghulu.exchange;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The cases' dossiers. Reads the database; safe from any thread and on any node. */
@ProviderType
public interface Dossiers {

    /** @return the case's dossier in order; empty for a case without messages yet, or no such case */
    List<DossierEntry> entries(String trackingNumber);

    /**
     * Recomputes the case's chain from its entries and checks the head's SM2 signature with the
     * platform's public key.
     *
     * @return what was found; a case without a dossier verifies with 0 entries
     */
    Verification verify(String trackingNumber);

    /**
     * The case's dossier as a signed text file that anyone can check offline with the platform's
     * public key (the file names it; see docs/admin-guide.md for the command).
     *
     * @return the file's text; a case without messages gives a file without entries
     * @since 1.1
     */
    String signedFile(String trackingNumber);

    /**
     * @return the platform's SM2 public key (the uncompressed point, hex), which signs every dossier's head
     * @since 1.1
     */
    String publicKey();
}
