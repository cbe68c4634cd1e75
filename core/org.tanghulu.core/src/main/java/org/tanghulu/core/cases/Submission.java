package org.tanghulu.core.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tanghulu.api.definition.ApplicantType;

/**
 * One application for a function group, as the applicant submits it.
 *
 * @param group the function group's id
 * @param submissionKey chosen by the client, unique per intended case (a UUID): sending
 *        the same submission again returns the first case instead of making a second
 * @param applicantType who applies
 * @param applicantName the applicant's name, as shown to officers
 * @param values the unified form's values by data-element id
 * @param materials the ids of the materials handed in
 * @param contactPhone where SMS updates go; may be {@code null}
 * @param contactEmail where mail updates go; may be {@code null}
 * @param owner the applicant's account id ({@link org.tanghulu.core.accounts.Accounts}) when
 *        submitted by a signed-in applicant, {@code null} when submitted over the JSON API without
 *        an account; the case then appears in {@link Cases#casesOf(long)} and the owner's draft of
 *        the group is discarded when the case is committed
 * @param held results the applicant already holds, each confirmed with its department's system at
 *        submission; their matters are not applied for again (once-only reuse)
 * @param promised the ids of minor materials (容缺) not handed in, each with the applicant's
 *        commitment to supply it within its matter's deadline (since 2.2)
 */
public record Submission(String group, String submissionKey, ApplicantType applicantType, String applicantName,
        Map<String, String> values, Set<String> materials, String contactPhone, String contactEmail,
        Long owner, List<HeldResult> held, Set<String> promised) {

    /**
     * Normalises collections to unmodifiable ones in the order given; {@code null}
     * entries are kept, for {@link Cases#submit} to refuse with a message.
     */
    public Submission {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        materials = materials == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(materials));
        held = held == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(held));
        promised = promised == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(promised));
    }

    /** A submission without commitments to supply materials later. */
    public Submission(String group, String submissionKey, ApplicantType applicantType, String applicantName,
            Map<String, String> values, Set<String> materials, String contactPhone, String contactEmail,
            Long owner, List<HeldResult> held) {
        this(group, submissionKey, applicantType, applicantName, values, materials, contactPhone, contactEmail, owner,
                held, null);
    }

    /** A submission without held results. */
    public Submission(String group, String submissionKey, ApplicantType applicantType, String applicantName,
            Map<String, String> values, Set<String> materials, String contactPhone, String contactEmail, Long owner) {
        this(group, submissionKey, applicantType, applicantName, values, materials, contactPhone, contactEmail, owner, null, null);
    }
}
