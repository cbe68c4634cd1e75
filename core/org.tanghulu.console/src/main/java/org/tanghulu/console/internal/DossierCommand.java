package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.Dossiers;
import org.tanghulu.exchange.Verification;

/**
 * {@code tanghulu:dossier [--verify] TRACKING_NUMBER}: a case's messages with the departments, or whether they
 * verify; {@code tanghulu:dossier --key}: the platform's public key, which checks dossier files offline.
 */
@Service
@Command(scope = "tanghulu", name = "dossier", description = "Shows a case's dossier (every message between the platform and"
        + " the departments, chained with SM3, signed with SM2); with --verify, checks it and names the first broken link")
public class DossierCommand implements Action {

    @Argument(index = 0, name = "trackingNumber", description = "The case, e.g. TH20260302000001")
    String trackingNumber;

    @Option(name = "--key", description = "Print the platform's SM2 public key (hex), which checks dossier files offline")
    boolean key;

    @Option(name = "--verify", description = "Check the chain and the head's signature instead of listing the entries")
    boolean verify;

    @Reference
    private Dossiers dossiers;

    @Override
    public Object execute() {
        if (key) {
            Terminal.out().println(dossiers.publicKey());
            return null;
        }
        if (trackingNumber == null) {
            Terminal.out().println("Name a case (tanghulu:dossier TH...), or ask for the platform's key (tanghulu:dossier --key).");
            return null;
        }
        if (verify) {
            Verification v = dossiers.verify(trackingNumber);
            Terminal.out().println(v.intact()
                    ? "The dossier of " + trackingNumber + " verifies: " + v.entries() + " entries, chain and signed head intact."
                    : "The dossier of " + trackingNumber + " does NOT verify: " + v.problem() + ".");
            return null;
        }
        List<DossierEntry> entries = dossiers.entries(trackingNumber);
        if (entries.isEmpty()) {
            Terminal.out().println("No dossier for " + trackingNumber + " (no such case, or nothing exchanged yet).");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("At");
        table.column("Mode");
        table.column("Way");
        table.column("Department");
        table.column("Kind");
        table.column("Message").maxSize(80);
        table.column("SM3");
        for (DossierEntry e : entries) {
            table.addRow().addContent(e.sequence(), Formats.time(e.at()), e.mode(), e.direction(), e.department(), e.kind(),
                    e.payload(), e.hash().substring(0, 12) + "...");
        }
        table.print(Terminal.out());
        return null;
    }
}
