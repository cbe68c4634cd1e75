package org.tanghulu.exchange.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The links written in {@code etc/org.tanghulu.exchange.cfg} ({@code link.<department>.<kind> = value}, its
 * secret in the file named by {@code link.<department>.<fileKind>}), made on start where the database has
 * none for the department yet; the database decides after.
 */
final class EtcLinks {

    private static final Logger LOG = LoggerFactory.getLogger(EtcLinks.class);

    /** Makes one link; throws, saying why, if it cannot. */
    @FunctionalInterface
    interface Linker {
        void link(String department, String value, String secret) throws Exception;
    }

    private EtcLinks() {
    }

    /** Hands every {@code link.<department>.<kind>} to {@code linker}; a link that fails is logged, the others made. */
    static void each(Map<String, Object> properties, String kind, String fileKind, Linker linker) {
        String suffix = "." + kind;
        for (var e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("link.") || !key.endsWith(suffix)) {
                continue;
            }
            String department = key.substring(5, key.length() - suffix.length());
            Object file = properties.get("link." + department + "." + fileKind);
            try {
                String secret = file == null ? "" : Files.readString(Path.of(file.toString())).trim();
                linker.link(department, e.getValue().toString(), secret);
            } catch (Exception x) {
                LOG.error("etc/{}.cfg: the link of department '{}' was not made: {}", ExchangeConfig.PID, department,
                        x.getMessage());
            }
        }
    }
}
