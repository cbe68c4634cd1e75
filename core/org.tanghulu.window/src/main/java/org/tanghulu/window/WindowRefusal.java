package org.tanghulu.window;

import org.tanghulu.core.Refusal;

/** A refused window request, with the {@link Reason} the faces put into words; nothing was changed. */
public class WindowRefusal extends Refusal {

    private static final long serialVersionUID = 1L;

    /** Why, each with its refusal kind. */
    public enum Reason {
        /** No such case at the window (or not one the caller may see). */
        UNKNOWN_CASE(Kind.NOT_FOUND),
        /** Only window clerks do this. */
        NOT_A_CLERK(Kind.FORBIDDEN),
        /** The originals were already checked. */
        ALREADY_CHECKED(Kind.CONFLICT),
        /** A case closed before its originals were checked cannot be checked. */
        NOT_IN_ACCEPTANCE(Kind.CONFLICT),
        /** The check names no material, a material the case does not declare, or leaves one out. */
        MATERIALS_WRONG(Kind.INVALID),
        /** A mismatch without a reason. */
        REASON_MISSING(Kind.INVALID),
        /** The case is not completed: nothing to hand over yet. */
        NOT_FINISHED(Kind.CONFLICT),
        /** The certificates were already handed over. */
        ALREADY_HANDED_OVER(Kind.CONFLICT),
        /** No recipient named. */
        RECIPIENT_MISSING(Kind.INVALID),
        /** No identity number, or not 6 to 30 letters and digits. */
        ID_NUMBER_WRONG(Kind.INVALID),
        /** The applicant confirms a hand-over that has not happened. */
        NOT_HANDED_OVER(Kind.CONFLICT),
        /** Receipt is confirmed already. */
        ALREADY_CONFIRMED(Kind.CONFLICT);

        private final Kind kind;

        Reason(Kind kind) {
            this.kind = kind;
        }

        /** @return the refusal kind (and so the HTTP status) of this reason */
        public Kind kind() {
            return kind;
        }
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message a sentence for logs and the API, in English; the pages use {@code reason}
     */
    public WindowRefusal(Reason reason, String message) {
        super(reason.kind(), message);
        this.reason = reason;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
