package org.tanghulu.staff;

/** Whose logins a throttle counts: each audience has its own names and addresses. */
public enum Audience {
    /** Officers and supervisors: the desk's login form and the staff API's login. */
    STAFF,
    /** Applicants: the portal's login form. */
    APPLICANT
}
