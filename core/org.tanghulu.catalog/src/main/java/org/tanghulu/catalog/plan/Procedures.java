package org.tanghulu.catalog.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.api.definition.ApplicantType;

/**
 * Derives what a function group asks of an applicant from the definitions present now.
 * Answers from memory and is safe to call from any thread.
 */
@ProviderType
public interface Procedures {

    /**
     * @param group a function group's id
     * @return its flow chart at its current version; empty if no clear group has the id,
     *         or if one of its departments is missing (nothing to chart then)
     */
    Optional<FlowChart> flowChart(String group);

    /**
     * @param group a function group's id
     * @param prefill values the platform already holds for this applicant, by data
     *        element id (an earlier case's data and results); may be empty
     * @return its unified form; empty as for {@link #flowChart}
     */
    Optional<UnifiedForm> form(String group, Map<String, String> prefill);

    /** @return the group's redundancy report; empty as for {@link #flowChart} */
    Optional<RedundancyReport> redundancy(String group);

    /**
     * @param materials the ids of the materials the applicant has
     * @param applicantType the applicant's type; {@code null} for all
     * @return what can be applied for now and what is missing
     */
    Checklist checklist(Set<String> materials, ApplicantType applicantType);
}
