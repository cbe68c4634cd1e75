package org.tanghulu.portal.internal;

/** Who is logged in to the portal: an account's id (the owner of its cases) and its name. */
record Applicant(long id, String name) {
}
