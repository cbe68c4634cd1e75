package org.tanghulu.portal.internal;

import static org.tanghulu.kernel.text.Text.blankToNull;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tanghulu.core.accounts.Account;
import org.tanghulu.core.accounts.Accounts;
import org.tanghulu.core.accounts.Registration;
import org.tanghulu.core.Refusal;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.Texts;

/**
 * Accounts: registration ({@code /register}), the login form the shared login flow shows, and who is
 * logged in. The login itself is {@link org.tanghulu.web.LoginFlow}'s.
 */
final class AccountPages {

    private static final String[][] REGISTRATION = { { "username", "text" }, { "password", "password" },
            { "name", "text" }, { "email", "email" }, { "mobile", "tel" } };

    private final Accounts accounts;

    AccountPages(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * @return the logged-in applicant; if nobody is, answers 303 to the login page with this page as
     *         {@code next} and returns empty
     */
    static Optional<Applicant> loggedIn(Exchange x) throws IOException {
        Optional<Applicant> me = x.principal(Applicant.class);
        if (me.isEmpty()) {
            String query = x.request().getQueryString();
            String back = x.path() + (query == null ? "" : "?" + query);
            x.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        return me;
    }

    /** @return the logged-in applicant of a POST (the route table's gate let only those through) */
    static Applicant me(Exchange x) {
        return x.principal(Applicant.class).orElseThrow(() -> new IllegalStateException("not logged in"));
    }

    /** @return {@code next} if it is a path on this site, else {@code /} */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    /** {@code GET /register}. */
    void registerForm(Exchange x) throws IOException {
        register(x, Map.of(), Map.of(), 200);
    }

    private void register(Exchange x, Map<String, String> typed, Map<String, String> errors, int status)
            throws IOException {
        Texts t = x.texts();
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (String[] f : REGISTRATION) {
            String label = t.get("portal.register." + f[0]);
            labels.put(f[0], label);
            Map<String, Object> field = Fields.plain(f[0], f[0], label, f[1],
                    "password".equals(f[0]) ? null : typed.get(f[0]), errors.get(f[0]),
                    t.get("portal.register." + f[0] + ".help"), !("email".equals(f[0]) || "mobile".equals(f[0])));
            field.put("autocomplete", "password".equals(f[0]) ? "new-password" : "username".equals(f[0]) ? "username" : "on");
            fields.add(field);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("fields", fields);
        model.put("summary", Fields.summary(errors, labels));
        model.put("next", safeNext(x.param("next")));
        x.render(status, "register.ftlh", model);
    }

    /** {@code POST /register}: creates the account and logs it in; INVALID shows every problem at its field. */
    void register(Exchange x) throws IOException {
        Map<String, String> typed = new HashMap<>();
        for (String[] f : REGISTRATION) {
            String v = x.request().getParameter(f[0]);
            typed.put(f[0], v == null ? "" : "password".equals(f[0]) ? v : v.trim());
        }
        try {
            Account a = accounts.register(new Registration(typed.get("username"), typed.get("password"),
                    typed.get("name"), blankToNull(typed.get("email")), blankToNull(typed.get("mobile"))));
            x.login(new Applicant(a.id(), a.name()));
            x.redirect(safeNext(x.param("next")));
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            register(x, typed, Fields.errors(e.problems(), x.texts()), 422);
        }
    }

    /** The login form ({@code login.ftlh}): keeps the name typed and {@code next}. */
    static void loginForm(Exchange x, int status, String failed) throws IOException {
        Texts t = x.texts();
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> password = Fields.plain("password", "password", t.get("portal.register.password"),
                "password", null, null, null, true);
        password.put("autocomplete", "current-password");
        model.put("fields", List.of(Fields.plain("username", "username", t.get("portal.register.username"), "text",
                x.param("username"), null, null, true), password));
        model.put("next", safeNext(x.param("next")));
        if (failed != null) {
            model.put("failed", failed);
        }
        x.render(status, "login.ftlh", model);
    }
}
