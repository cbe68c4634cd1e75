package org.tanghulu.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.DiskBatch;
import org.tanghulu.exchange.Exchanges;

/**
 * {@code tanghulu:exchange-export [--again] [--file PATH] DEPARTMENT}: the department's DISK tasks waiting for export,
 * as one file signed by the platform, for offline media.
 */
@Service
@Command(scope = "tanghulu", name = "exchange-export", description = "Exports a department's DISK tasks that wait for export "
        + "as one signed batch file (offline media); with --again also those exported before and still unanswered")
public class ExchangeExportCommand implements Action {

    @Argument(index = 0, name = "department", required = true, description = "The department, e.g. psb")
    @Completion(DepartmentCompleter.class)
    String department;

    @Option(name = "--file", description = "Where to write the batch (a new file); default <department>-<batch>.jsonl in "
            + "the current folder")
    String file;

    @Option(name = "--again", description = "Also the tasks exported before and still unanswered (a lost or damaged disk)")
    boolean again;

    @Reference
    private Exchanges exchanges;

    @Override
    public Object execute() {
        DiskBatch batch;
        try {
            batch = exchanges.exportDisk(department, again);
        } catch (Refusal e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Path path = Path.of(file != null ? file : department + "-" + batch.batch() + ".jsonl");
        try {
            Files.write(path, batch.file(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException("Batch " + batch.batch() + " (" + batch.tasks().size() + " task(s)) was recorded "
                    + "but cannot be written to " + path + ": " + e + "; export it again with --again and another --file");
        }
        Terminal.out().println("Batch " + batch.batch() + ": " + batch.tasks().size() + " task(s) of " + department
                + " written to " + path.toAbsolutePath());
        return null;
    }
}
