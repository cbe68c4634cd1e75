package org.tanghulu.api.exchange;

/**
 * The base registries (基础信息库) a department's system may answer lookups in, so that applicants are
 * not asked what the government already holds: the platform looks a key up, with the applicant's
 * consent recorded, and prefills the form with what the registry returns.
 */
public enum BaseRegistry {

    /**
     * The population registry (人口基础信息库): the key is a resident identity-card number; the answer
     * gives {@code name} (and may give {@code gender}, {@code birthDate}, {@code address}).
     */
    PERSONS,

    /**
     * The legal-entity registry (法人单位基础信息库): the key is a registration number or organization
     * code; the answer gives {@code name} (and may give {@code address}, {@code legalRepresentative},
     * {@code type}).
     */
    LEGAL_ENTITIES
}
