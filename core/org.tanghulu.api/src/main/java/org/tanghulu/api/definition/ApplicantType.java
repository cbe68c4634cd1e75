package org.tanghulu.api.definition;

/** Who may apply for a matter: the seeds' four applicant types. */
public enum ApplicantType {
    /** A natural person (个人). */
    INDIVIDUAL,
    /** An enterprise, or a person founding one (企业). */
    ENTERPRISE,
    /** A social organization (社会组织). */
    SOCIAL_ORGANIZATION,
    /** A public institution (事业单位). */
    PUBLIC_INSTITUTION
}
