package org.tanghulu.api;

import org.tanghulu.api.definition.LocalizedText;

/**
 * What is wrong with one field of an application, in words the applicant understands.
 *
 * @param field the id of the data element at fault
 * @param message what is wrong and, where possible, how to put it right
 */
public record FieldProblem(String field, LocalizedText message) {
}
