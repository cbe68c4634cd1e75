package org.tanghulu.api;

import org.tanghulu.api.definition.LocalizedText;

/**
 * What is wrong with one field of an application, in words the applicant understands.
 *
 * @param field the id of the data element at fault; for one cell of a TABLE element, {@code ELEMENT[ROW].COLUMN}
 *        with the row counted from 0 ({@code investors[1].amount}), so that a form can show it under that cell
 * @param message what is wrong and, where possible, how to put it right
 */
public record FieldProblem(String field, LocalizedText message) {
}
