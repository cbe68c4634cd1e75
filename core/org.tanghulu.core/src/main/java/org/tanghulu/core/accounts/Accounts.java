package org.tanghulu.core.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.core.Refusal;

/**
 * Applicants' accounts and their drafts of the unified form. Every method either does all it
 * says, committed to the database, or throws a {@link Refusal} and changes nothing.
 * Safe to call from any thread and from several platform nodes. Sessions, cookies and login
 * throttling belong to the web front end.
 */
@ProviderType
public interface Accounts {

    /** The most values a draft keeps. */
    int MAX_DRAFT_VALUES = 500;
    /** The longest value of a draft, in characters. */
    int MAX_DRAFT_VALUE_LENGTH = 4000;

    /**
     * Opens an account.
     *
     * @return the new account
     * @throws Refusal INVALID with every field's problem at once (fields {@code username},
     *         {@code password}, {@code name}, {@code email}, {@code mobile}); a user name already
     *         taken, also by a registration at the same moment, is a problem of {@code username}
     */
    Account register(Registration registration);

    /**
     * Checks a user name and password. Takes about as long whether or not the user exists.
     *
     * @param username as typed; upper-case letters are lower-cased
     * @return the account, or empty if there is no such user or the password is wrong (not
     *         told apart)
     */
    Optional<Account> authenticate(String username, String password);

    /**
     * @return the account
     * @throws Refusal NOT_FOUND if there is no such account
     */
    Account account(long id);

    /**
     * Keeps what the applicant typed into a group's form, replacing the account's earlier draft
     * of the group. Nothing is validated but the sizes; submitting a case of the group with the
     * account as owner discards the draft.
     *
     * @param values by data-element id; at most {@link #MAX_DRAFT_VALUES}, each at most
     *        {@link #MAX_DRAFT_VALUE_LENGTH} characters
     * @param materials ids of the materials at hand
     * @throws Refusal NOT_FOUND if there is no such account; INVALID if a limit is passed
     *         (fields {@code group}, {@code values}, {@code materials})
     */
    void saveDraft(long account, String group, Map<String, String> values, Set<String> materials);

    /** @return the account's draft of the group, if there is one */
    Optional<Draft> draft(long account, String group);

    /** Forgets the account's draft of the group; nothing happens if there is none. */
    void discardDraft(long account, String group);
}
