package org.tanghulu.core.cases.events;

import org.tanghulu.api.definition.ApplicantType;

/**
 * Who applied for a case and how to reach them, as submitted (these never change during a case).
 *
 * @param type the kind of applicant
 * @param name the applicant's name, stripped
 * @param phone the contact phone number, or {@code null} if none was given
 * @param email the contact e-mail address, or {@code null} if none was given
 */
public record Applicant(ApplicantType type, String name, String phone, String email) {
}
