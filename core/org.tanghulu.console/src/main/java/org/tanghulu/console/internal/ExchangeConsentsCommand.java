package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.exchange.Lookups;

/** {@code tanghulu:exchange-consents [--account ID]}: the applicants' consents to base-registry lookups, newest first. */
@Service
@Command(scope = "tanghulu", name = "exchange-consents", description = "Lists the consents applicants gave to lookups in "
        + "the base registries (population, legal entities), with the masked key and the outcome, newest first")
public class ExchangeConsentsCommand implements Action {

    @Option(name = "--account", description = "Only this applicant account's (its number)")
    Long account;

    @Option(name = "--max", description = "At most this many (default 100)")
    int max = 100;

    @Reference
    private Lookups lookups;

    @Override
    public Object execute() {
        List<Lookups.Consent> consents = lookups.consents(account, max);
        if (consents.isEmpty()) {
            Terminal.out().println("No consent is recorded" + (account == null ? "." : " for account " + account + "."));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("No.").alignRight();
        table.column("At");
        table.column("Account").alignRight();
        table.column("Registry");
        table.column("Department");
        table.column("Key");
        table.column("Purpose").maxSize(40);
        table.column("Outcome");
        consents.forEach(c -> table.addRow().addContent(c.id(), Formats.time(c.at()), c.account(), c.registry(),
                c.department() == null ? "-" : c.department(), c.key(), c.purpose(), c.outcome()));
        table.print(Terminal.out());
        return null;
    }
}
