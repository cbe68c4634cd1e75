package org.tanghulu.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.NotAuthorizedException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.tanghulu.core.cases.Actor;

/**
 * Staff log in with HTTP Basic against Karaf's {@code karaf} JAAS realm. Roles decide
 * what they may do: {@code officer-<department>} works on that department's tasks;
 * {@code supervisor} (and {@code admin}) reads every department's work.
 */
final class Staff {

    static final String REALM = "karaf";
    static final String OFFICER_ROLE_PREFIX = "officer-";
    private static final String CHALLENGE = "Basic realm=\"Tanghulu staff\", charset=\"UTF-8\"";

    private Staff() {
    }

    /**
     * @param authorization the request's {@code Authorization} header
     * @return the authenticated member of staff
     * @throws NotAuthorizedException (401) if the header is missing or the login fails
     */
    static Actor authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("Staff must log in (HTTP Basic) to do this.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("The Authorization header is not valid Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw unauthorized("The Authorization header is not valid Basic credentials.");
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads Karaf's proxy login module through the context class loader
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            new LoginContext(REALM, subject, callbacks -> {
                for (var c : callbacks) {
                    if (c instanceof NameCallback n) {
                        n.setName(user);
                    } else if (c instanceof PasswordCallback p) {
                        p.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(c);
                    }
                }
            }).login();
        } catch (LoginException e) {
            throw unauthorized("Wrong user name or password.");
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<String> departments = new HashSet<>();
        boolean supervisor = false;
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            String role = p.getName();
            if (role.startsWith(OFFICER_ROLE_PREFIX) && role.length() > OFFICER_ROLE_PREFIX.length()) {
                departments.add(role.substring(OFFICER_ROLE_PREFIX.length()));
            }
            supervisor |= role.equals("supervisor") || role.equals("admin");
        }
        return new Actor(user, departments, supervisor);
    }

    private static NotAuthorizedException unauthorized(String message) {
        return new NotAuthorizedException(message, CHALLENGE);
    }
}
