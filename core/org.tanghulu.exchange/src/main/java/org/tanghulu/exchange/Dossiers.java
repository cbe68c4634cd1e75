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
}
