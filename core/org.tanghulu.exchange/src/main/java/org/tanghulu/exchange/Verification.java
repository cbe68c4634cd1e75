package org.tanghulu.exchange;

/**
 * What checking a dossier found.
 *
 * @param trackingNumber the case
 * @param entries how many entries are stored
 * @param signedEntries how many entries the signed head names
 * @param problem the first broken link, in words ({@code null} if the dossier verifies)
 */
public record Verification(String trackingNumber, int entries, int signedEntries, String problem) {

    /** @return whether every entry is as recorded and none is missing */
    public boolean intact() {
        return problem == null;
    }
}
