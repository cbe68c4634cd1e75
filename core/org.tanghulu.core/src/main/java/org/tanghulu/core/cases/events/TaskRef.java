package org.tanghulu.core.cases.events;

import org.tanghulu.api.definition.MatterKey;

/**
 * A task of a case: one matter of one department.
 *
 * @param id the task's id, as in the desk and the REST API
 * @param matter the department and matter the task is for; names come from the catalog
 */
public record TaskRef(long id, MatterKey matter) {
}
