package org.tanghulu.core;

import java.util.List;

import org.tanghulu.api.FieldProblem;

/**
 * Why a request to a platform capability (cases, accounts, catalog...) cannot be carried out,
 * in words for the person who made it. Nothing was changed. The platform's one refusal type:
 * capabilities throw it, and each face maps it once (a JSON problem in the REST API, a page or
 * message on the web pages, a line of text on the console).
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, each with the HTTP status the API answers. */
    public enum Kind {
        /** The request's content is wrong; see {@link Refusal#problems()}. (422) */
        INVALID(422),
        /** No such case or task, or not one the caller may see. (404) */
        NOT_FOUND(404),
        /** The caller may see it but not do this. (403) */
        FORBIDDEN(403),
        /** The state has moved on: someone else decided first, or the task is not in a state for this. (409) */
        CONFLICT(409),
        /** A department or function group needed is not installed now; try later, nothing is lost. (503) */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** @return the HTTP status for this kind */
        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final transient List<FieldProblem> problems;

    /**
     * @param kind the kind of refusal
     * @param message one or two sentences saying what is wrong and what to do
     * @param problems the fields at fault; may be empty
     */
    public Refusal(Kind kind, String message, List<FieldProblem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    /**
     * A refusal without field problems.
     *
     * @see #Refusal(Kind, String, List)
     */
    public Refusal(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** @return the kind of refusal */
    public Kind kind() {
        return kind;
    }

    /** @return the fields at fault, all of them at once; may be empty */
    public List<FieldProblem> problems() {
        return problems;
    }
}
