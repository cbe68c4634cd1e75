package org.tanghulu.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.api.exchange.BaseRegistry;

/**
 * Lookups in the base registries (人口库, 法人库) that departments' systems answer, so that a form is
 * prefilled with what the government already holds instead of being typed again. Every lookup is made
 * for a signed-in applicant who consented to it: the consent is written to the database before the
 * registry is asked, with the outcome after, and stays there as the record (never the full key). A
 * registry is asked through the department whose exchange adapter declares it and whose system is linked
 * over HTTP ({@code POST <link URL>/lookups}); an applicant may make a limited number of lookups a day,
 * counted in the database on every node.
 *
 * @since 1.3
 */
@ProviderType
public interface Lookups {

    /** Lookups an applicant account may make in 24 hours. */
    int PER_DAY = 30;

    /** @return the registries that can be asked now */
    Set<BaseRegistry> available();

    /**
     * Records the applicant's consent, then asks the registry.
     *
     * @param registry the registry
     * @param key the person's identity-card number, or the legal entity's registration number or code
     * @param account the applicant's account, who consented
     * @param purpose what the data is for, in the applicant's words on the consent (e.g. the form's name)
     * @return what the registry holds, or why nothing was found; never {@code null}
     * @throws IllegalArgumentException if the key is malformed or the purpose empty (nothing recorded)
     */
    Found lookup(BaseRegistry registry, String key, long account, String purpose);

    /**
     * @param account an applicant's account, or {@code null} for every account
     * @param max at most this many, newest first
     * @return the consents recorded
     */
    List<Consent> consents(Long account, int max);

    /**
     * A registry's answer.
     *
     * @param found whether the key is in the registry
     * @param reason why nothing is returned, or {@code null}
     * @param department the department whose system answered, or {@code null}
     * @param values what the registry holds under the key, by the registry's field names ({@code name}, ...)
     */
    record Found(boolean found, String reason, String department, Map<String, String> values) {
        /** Normalises {@code values} to an unmodifiable map. */
        public Found {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /**
     * One recorded consent.
     *
     * @param id its number
     * @param at when the applicant consented
     * @param account the applicant's account
     * @param registry the registry asked
     * @param department the department whose system was asked, or {@code null} if none could be
     * @param key the key, masked
     * @param purpose what the data was for
     * @param outcome {@code FOUND}, {@code NOT_FOUND}, {@code FAILED} (the system could not answer) or
     *        {@code REFUSED} (too many lookups, no registry linked)
     */
    record Consent(long id, Instant at, long account, BaseRegistry registry, String department, String key, String purpose,
            String outcome) {
    }
}
