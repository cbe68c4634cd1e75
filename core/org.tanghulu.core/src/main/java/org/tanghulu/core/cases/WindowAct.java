package org.tanghulu.core.cases;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An act of the comprehensive window (综合窗口) that becomes an event of its case
 * ({@link Cases#recordWindowAct}). Each kind happens at most once per case, so the kind is the act's
 * identity: recording it again records nothing new.
 *
 * @since 2.3
 */
public sealed interface WindowAct {

    /** @return who acted: the clerk's login, or {@code applicant} */
    String actor();

    /** @return the event type the act is recorded as */
    String type();

    /**
     * The clerk checked the originals against the declared materials at acceptance (核验原件).
     *
     * @param clerk the clerk's login
     * @param matching the materials whose originals match
     * @param mismatched the materials whose originals do not match, each with the clerk's reason
     * @param notPresented the materials whose originals were not presented
     */
    record OriginalsChecked(String clerk, List<String> matching, Map<String, String> mismatched,
            List<String> notPresented) implements WindowAct {
        /** Copies the collections (sorted), {@code null} as empty. */
        public OriginalsChecked {
            matching = matching == null ? List.of() : matching.stream().sorted().toList();
            mismatched = mismatched == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(mismatched));
            notPresented = notPresented == null ? List.of() : notPresented.stream().sorted().toList();
        }

        @Override
        public String actor() {
            return clerk;
        }

        @Override
        public String type() {
            return "ORIGINALS_CHECKED";
        }
    }

    /**
     * The clerk handed the completed case's certificates over (一窗出件) with a receipt.
     *
     * @param clerk the clerk's login
     * @param receiptNumber the receipt's number
     * @param recipient who took the certificates
     * @param signedOnPaper whether the recipient signed the paper receipt at the window
     */
    record CertificatesHandedOver(String clerk, String receiptNumber, String recipient, boolean signedOnPaper)
            implements WindowAct {
        @Override
        public String actor() {
            return clerk;
        }

        @Override
        public String type() {
            return "CERTIFICATES_HANDED_OVER";
        }
    }

    /**
     * The applicant confirmed receipt of the certificates on the portal.
     *
     * @param receiptNumber the receipt's number
     */
    record ReceiptConfirmed(String receiptNumber) implements WindowAct {
        @Override
        public String actor() {
            return "applicant";
        }

        @Override
        public String type() {
            return "RECEIPT_CONFIRMED";
        }
    }
}
