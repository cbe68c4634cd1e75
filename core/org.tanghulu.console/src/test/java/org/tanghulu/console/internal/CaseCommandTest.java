package org.tanghulu.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tanghulu.core.cases.CaseEvent;

class CaseCommandTest {

    @Test
    void changeShowsBothSides() {
        assertEquals("READY -> CLAIMED", CaseCommand.change(event("READY", "CLAIMED")));
        assertEquals("- -> OPEN", CaseCommand.change(event(null, "OPEN")));
        assertEquals("", CaseCommand.change(event(null, null)));
    }

    private static CaseEvent event(String before, String after) {
        return new CaseEvent(1, "TH1", null, Instant.EPOCH, "platform", "SUBMITTED", before, after, null);
    }
}
