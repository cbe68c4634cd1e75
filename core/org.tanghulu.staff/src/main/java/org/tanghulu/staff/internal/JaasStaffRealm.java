package org.tanghulu.staff.internal;

import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Component;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.staff.StaffRealm;

/** {@link StaffRealm} on Karaf's JAAS realm {@code karaf}. */
@Component
public class JaasStaffRealm implements StaffRealm {

    static final String REALM = "karaf";
    static final String OFFICER_ROLE_PREFIX = "officer-";
    /** The comprehensive window's clerk (窗口人员): the window's pages on the desk, no department's tasks. */
    static final String WINDOW_CLERK_ROLE = "window-clerk";

    @Override
    public Optional<Actor> login(String user, char[] password) {
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
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<String> departments = new HashSet<>();
        boolean supervisor = false;
        boolean windowClerk = false;
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            String role = p.getName();
            if (role.startsWith(OFFICER_ROLE_PREFIX) && role.length() > OFFICER_ROLE_PREFIX.length()) {
                departments.add(role.substring(OFFICER_ROLE_PREFIX.length()));
            }
            supervisor |= role.equals("supervisor") || role.equals("admin");
            windowClerk |= role.equals(WINDOW_CLERK_ROLE);
        }
        return Optional.of(new Actor(user, departments, supervisor, windowClerk));
    }
}
