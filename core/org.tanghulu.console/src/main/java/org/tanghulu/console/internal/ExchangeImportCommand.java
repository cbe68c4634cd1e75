package org.tanghulu.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.DiskImport;
import org.tanghulu.exchange.Exchanges;

/**
 * {@code tanghulu:exchange-import DEPARTMENT FILE}: a department's signed result file from offline media; prints what it
 * decided and every line that decided nothing, with its number.
 */
@Service
@Command(scope = "tanghulu", name = "exchange-import", description = "Imports a department's signed result file (offline "
        + "media): each result decides its task once; duplicates and refused lines are listed by line number")
public class ExchangeImportCommand implements Action {

    /** The largest result file read. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    @Argument(index = 0, name = "department", required = true, description = "The department, e.g. psb")
    @Completion(DepartmentCompleter.class)
    String department;

    @Argument(index = 1, name = "file", required = true, description = "The department's signed result file")
    String file;

    @Reference
    private Exchanges exchanges;

    @Override
    public Object execute() {
        byte[] bytes;
        try {
            if (Files.size(Path.of(file)) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES / 1024 / 1024 + " MiB: no result file");
            }
            bytes = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e);
        }
        DiskImport report;
        try {
            report = exchanges.importDisk(department, bytes);
        } catch (Refusal e) {
            throw new IllegalArgumentException("Refused, nothing imported: " + e.getMessage());
        }
        Terminal.out().println("Result file of " + department + (report.batch() == null ? "" : " (batch " + report.batch() + ")")
                + ": " + report.summary() + ".");
        if (!report.decided().isEmpty()) {
            Terminal.out().println("Decided: tasks " + report.decided());
        }
        report.duplicates().forEach(l -> Terminal.out().println("Line " + l.line() + ": duplicate: " + l.reason()));
        report.refused().forEach(l -> Terminal.out().println("Line " + l.line() + ": refused: " + l.reason()));
        return null;
    }
}
