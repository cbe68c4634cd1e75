package org.tanghulu.core.cases.events;

/**
 * The case an event is about, with the facts that never change during a case.
 *
 * @param id the case's internal id (stable, not shown to applicants)
 * @param trackingNumber the tracking number the applicant knows the case by
 * @param group the function group's id; its name comes from the catalog
 * @param groupVersion the function group's version the case runs on
 * @param applicant who applied and how to reach them
 */
public record CaseRef(long id, String trackingNumber, String group, int groupVersion, Applicant applicant) {
}
