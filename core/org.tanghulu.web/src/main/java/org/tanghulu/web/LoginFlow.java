package org.tanghulu.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.servlet.http.HttpServletResponse;

import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginAttempt;
import org.tanghulu.staff.LoginThrottle;

/**
 * The login of one set of pages, the same for the portal and the desk: the form, the password check
 * through the {@link LoginThrottle} of the pages' {@link Audience}, a new session at login (a session
 * identifier known before it is worth nothing after it), and the logout.
 *
 * <p>A POST without name or password, and a wrong password, answer 401 with the form and the failure
 * text; a name or address the throttle has locked answers 429 with {@code Retry-After} (seconds) and
 * the text {@code web.login.throttled} (minutes), without checking the password; a right password
 * starts the session and answers 303 to the landing page. The password is read as given (not
 * trimmed) and its characters are cleared after the check. Thread-safe.
 *
 * @param <T> what a successful check yields (an account, an actor)
 */
public final class LoginFlow<T> {

    /** Checks a name and password: the party, or empty if they are wrong. */
    @FunctionalInterface
    public interface PasswordCheck<T> {
        Optional<T> check(String user, char[] password);
    }

    /** Shows the login form. */
    @FunctionalInterface
    public interface Form {
        /**
         * @param status 200 for the form, 401 or 429 after a refused login
         * @param failure the sentence to show, or {@code null}
         */
        void show(Exchange x, int status, String failure) throws IOException;
    }

    private final LoginThrottle throttle;
    private final Audience audience;
    private final PasswordCheck<T> check;
    private final Function<? super T, ?> principal;
    private final Form form;
    private final String userField;
    private final String failedKey;
    private final Function<Exchange, String> landing;

    private LoginFlow(Builder<T> b) {
        this.throttle = Objects.requireNonNull(b.throttle, "throttle");
        this.audience = Objects.requireNonNull(b.audience, "audience");
        this.check = Objects.requireNonNull(b.check, "check");
        this.principal = Objects.requireNonNull(b.principal, "principal");
        this.form = Objects.requireNonNull(b.form, "form");
        this.userField = b.userField;
        this.failedKey = Objects.requireNonNull(b.failedKey, "failedKey");
        this.landing = b.landing;
    }

    /**
     * @param throttle counts failures and locks
     * @param audience whose names and addresses the throttle counts
     * @param check checks the password; called only while neither name nor address is locked
     */
    public static <T> Builder<T> builder(LoginThrottle throttle, Audience audience, PasswordCheck<T> check) {
        return new Builder<>(throttle, audience, check);
    }

    /** The parts that differ between sets of pages. */
    public static final class Builder<T> {
        private final LoginThrottle throttle;
        private final Audience audience;
        private final PasswordCheck<T> check;
        private Function<? super T, ?> principal = Function.identity();
        private Form form;
        private String userField = "username";
        private String failedKey;
        private Function<Exchange, String> landing = x -> "/";

        private Builder(LoginThrottle throttle, Audience audience, PasswordCheck<T> check) {
            this.throttle = throttle;
            this.audience = audience;
            this.check = check;
        }

        /** What the session keeps for the party (by default the party itself). */
        public Builder<T> principal(Function<? super T, ?> principal) {
            this.principal = principal;
            return this;
        }

        public Builder<T> form(Form form) {
            this.form = form;
            return this;
        }

        /** The name field's parameter; {@code username} by default. The password's is {@code password}. */
        public Builder<T> userField(String userField) {
            this.userField = userField;
            return this;
        }

        /** The text key of the one failure message for a wrong name or password. */
        public Builder<T> failedKey(String failedKey) {
            this.failedKey = failedKey;
            return this;
        }

        /** Where a successful login goes, relative to the context; {@code /} by default. */
        public Builder<T> landing(Function<Exchange, String> landing) {
            this.landing = landing;
            return this;
        }

        public LoginFlow<T> build() {
            return new LoginFlow<>(this);
        }
    }

    /** Answers the GET of the login page. */
    public void show(Exchange x) throws IOException {
        form.show(x, HttpServletResponse.SC_OK, null);
    }

    /** Answers the POST of the login form. */
    public void login(Exchange x) throws IOException {
        String user = x.param(userField);
        String given = x.request().getParameter("password");
        if (user == null || given == null) {
            form.show(x, HttpServletResponse.SC_UNAUTHORIZED, x.texts().get(failedKey));
            return;
        }
        char[] password = given.toCharArray();
        LoginAttempt<T> attempt;
        try {
            attempt = throttle.attempt(audience, user, x.request().getRemoteAddr(), () -> check.check(user, password));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (attempt.locked()) {
            x.response().setHeader("Retry-After", String.valueOf(attempt.waitSeconds()));
            form.show(x, 429, x.texts().get("web.login.throttled", attempt.waitMinutes()));
        } else if (attempt.who().isPresent()) {
            x.login(principal.apply(attempt.who().get()));
            x.redirect(landing.apply(x));
        } else {
            form.show(x, HttpServletResponse.SC_UNAUTHORIZED, x.texts().get(failedKey));
        }
    }

    /** Ends the session and answers 303 to {@code to} (relative to the context). */
    public void logout(Exchange x, String to) throws IOException {
        x.logout();
        x.redirect(to);
    }
}
