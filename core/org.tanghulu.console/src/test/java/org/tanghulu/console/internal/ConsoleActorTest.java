package org.tanghulu.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tanghulu.core.cases.Actor;

class ConsoleActorTest {

    @Test
    void namedAfterTheUserAndASupervisor() {
        Actor a = ConsoleActor.of("alice");
        assertEquals("console:alice", a.name());
        assertTrue(a.supervisor());
        assertTrue(a.departments().isEmpty());
    }

    @Test
    void unknownUserIsAdmin() {
        assertEquals("console:admin", ConsoleActor.of(null).name());
        assertEquals("console:admin", ConsoleActor.of(" ").name());
        assertEquals("console:admin", ConsoleActor.current().name(), "no shell session in a unit test");
    }
}
