package org.tanghulu.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.Exchanges;

/**
 * {@code tanghulu:exchange-link [--secret-file FILE] DEPARTMENT URL}: links (or moves) a department's system.
 * The HMAC secret comes from a file the department's system also reads, or is made here and shown once.
 * With {@code --front-end}, URL is the JDBC URL of the department's front-end processor's database and the
 * file, if any, holds that database's password. With {@code --disk --public-key HEX} and no URL, the department
 * works on offline media and HEX is the SM2 public key its result files are signed with.
 */
@Service
@Command(scope = "tanghulu", name = "exchange-link", description = "Links a department's own system: its DIRECT tasks go "
        + "to URL, requests and callbacks are signed with a shared secret (kept in the database, shown only when made here). "
        + "With --front-end: its FRONT_END tasks go to the exchange tables of the front-end processor's database at the JDBC URL. With --disk --public-key HEX: its DISK tasks are exported on offline media and its results imported")
public class ExchangeLinkCommand implements Action {

    @Argument(index = 0, name = "department", required = true, description = "The department, e.g. stats")
    @Completion(DepartmentCompleter.class)
    String department;

    @Argument(index = 1, name = "url", required = false, description = "Where the platform sends its tasks, e.g. "
            + "http://10.1.2.3:8190/stats (not with --disk)")
    String url;

    @Option(name = "--secret-file", description = "A file with the shared secret (at least 32 characters); without it a "
            + "secret is made and shown once. With --front-end: a file with the database's password")
    String secretFile;

    @Option(name = "--front-end", description = "URL is a front-end processor: its database (jdbc:postgresql://... or "
            + "jdbc:h2:tcp://..., with its user in it) or its RabbitMQ broker (amqp://user@host:5672/vhost)")
    boolean frontEnd;

    @Option(name = "--disk", description = "The department works on offline media (DISK): its tasks are exported as signed "
            + "files (tanghulu:exchange-export) and its signed result files imported (tanghulu:exchange-import)")
    boolean disk;

    @Option(name = "--public-key", description = "With --disk: the department's SM2 public key (uncompressed point, hex, "
            + "130 characters starting with 04) its result files are signed with")
    String publicKey;

    @Reference
    private Exchanges exchanges;

    @Override
    public Object execute() {
        if (disk) {
            if (publicKey == null || url != null || frontEnd) {
                throw new IllegalArgumentException("--disk takes the department and --public-key HEX, no URL");
            }
            try {
                exchanges.linkDisk(department, publicKey);
            } catch (Refusal e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            Terminal.out().println("Department " + department + " works on offline media: its DISK tasks wait for "
                    + "tanghulu:exchange-export " + department + "; result files signed with key " + publicKey.strip().substring(0,
                            Math.min(16, publicKey.strip().length())) + "... are taken by tanghulu:exchange-import.");
            return null;
        }
        if (url == null) {
            throw new IllegalArgumentException("the URL of the department's system or front-end processor is missing");
        }
        if (frontEnd) {
            return linkFrontEnd();
        }
        String secret;
        if (secretFile != null) {
            try {
                secret = Files.readString(Path.of(secretFile)).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the secret file " + secretFile + ": " + e.getMessage());
            }
        } else {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
        }
        return linkSystem(secret);
    }

    private Object linkSystem(String secret) {
        try {
            exchanges.link(department, url, secret);
        } catch (Refusal e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Terminal.out().println("Department " + department + "'s system linked at " + url + "; its breaker is closed.");
        if (secretFile == null) {
            Terminal.out().println("Shared secret (give it to the department's system now; it is not shown again):");
            Terminal.out().println(secret);
        }
        return null;
    }

    private Object linkFrontEnd() {
        String password = "";
        if (secretFile != null) {
            try {
                password = Files.readString(Path.of(secretFile)).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the password file " + secretFile + ": " + e.getMessage());
            }
        }
        try {
            exchanges.linkFrontEnd(department, url, password);
        } catch (Refusal e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Terminal.out().println("Department " + department + "'s front-end processor linked at " + url + "; its FRONT_END tasks go to "
                + (url.startsWith("amqp") ? "queue tanghulu.fe." + department + ".requests, its results are read from tanghulu.fe."
                        + department + ".results." : "its table fe_request, its results are read from fe_result."));
        return null;
    }
}
