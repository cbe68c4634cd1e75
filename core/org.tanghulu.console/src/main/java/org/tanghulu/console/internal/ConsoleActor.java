package org.tanghulu.console.internal;

import java.util.Set;

import org.apache.karaf.shell.support.ShellUtil;
import org.tanghulu.core.cases.Actor;

/** The console user as an actor on cases: a supervisor, who may read everything and acts on nothing. */
final class ConsoleActor {

    private ConsoleActor() {
    }

    /** @return the actor for the user logged in to this shell session */
    static Actor current() {
        return of(ShellUtil.getCurrentUserName());
    }

    /** @return the actor {@code console:USER}, or {@code console:admin} when the user is unknown */
    static Actor of(String user) {
        return new Actor("console:" + (user == null || user.isBlank() ? "admin" : user), Set.of(), true);
    }
}
