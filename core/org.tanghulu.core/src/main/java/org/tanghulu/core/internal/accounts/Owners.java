package org.tanghulu.core.internal.accounts;

import javax.persistence.EntityManager;

/**
 * What the case engine needs of applicants' accounts, inside its own transaction: accounts and
 * drafts live in the same persistence unit as cases, so a submission and the discarding of the
 * owner's draft commit together.
 */
public interface Owners {

    /** @return whether the account exists, read in {@code em}'s transaction */
    boolean exists(EntityManager em, long account);

    /**
     * Deletes an account's draft of a group in {@code em}'s transaction.
     *
     * @return how many drafts were deleted, 0 or 1
     */
    int discardDraft(EntityManager em, long account, String group);
}
