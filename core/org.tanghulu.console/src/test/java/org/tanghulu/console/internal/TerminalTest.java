package org.tanghulu.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

class TerminalTest {

    private static final String ATTACK = "ACME\u001b[2J\u001b]0;owned\u0007 Ltd\r\u009b31m\u202Egnp.exe\u0000";

    @Test
    void controlCharactersAndEscapeSequencesAreShownNotObeyed() {
        assertEquals("ACME^[[2J^[]0;owned^G Ltd^M<U+009B>31m<U+202E>gnp.exe^@", Terminal.safe(ATTACK));
        assertEquals("两行\n\t缩进 ok", Terminal.safe("两行\n\t缩进 ok"));
        assertEquals("^?", Terminal.safe("\u007f"));
        assertNull(Terminal.safe(null));
    }

    @Test
    void everythingACommandPrintsGoesThroughTheSanitizer() {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Terminal.out().println("Applicant: " + ATTACK);
            Terminal.out().printf("%s%n", ATTACK);
            Terminal.out().println((Object) ATTACK);
            ShellTable table = new ShellTable();
            table.column("Applicant");
            table.addRow().addContent(ATTACK);
            table.print(Terminal.out());
        } finally {
            System.setOut(before);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(printed.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0 || c == 0x9b || c == '\r' || c == 0x202E),
                printed);
        assertEquals(4, printed.split("ACME\\^\\[\\[2J", -1).length - 1, printed);
    }
}
