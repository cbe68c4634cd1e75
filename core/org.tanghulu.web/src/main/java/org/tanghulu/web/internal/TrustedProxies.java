package org.tanghulu.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarded headers are believed, as addresses or CIDR blocks (IPv4 and
 * IPv6). A request's client is the right-most address of {@code X-Forwarded-For} (or of the
 * {@code for=} parameters of {@code Forwarded}) that is not a trusted proxy, read only when the
 * immediate peer is one; everything a client wrote further left is ignored. Immutable.
 */
final class TrustedProxies {

    /** An IP literal: IPv4 dotted, or IPv6 (hex and colons, maybe a dotted tail); never a host name. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final List<Block> blocks;

    /** What the platform takes a request to be: the client's address and whether it came over HTTPS. */
    record Origin(String address, String scheme) {
    }

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest))) == 0;
        }
    }

    /**
     * @param entries addresses ({@code 10.0.0.5}, {@code ::1}) or CIDR blocks ({@code 10.0.0.0/8},
     *        {@code fd00::/8}); blank entries are skipped
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    TrustedProxies(String... entries) {
        List<Block> parsed = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            String e = entry == null ? "" : entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] network = parse(slash < 0 ? e : e.substring(0, slash));
            int prefix = network == null ? -1 : network.length * 8;
            if (network != null && slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException notNumber) {
                    prefix = -1;
                }
            }
            if (network == null || prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("'" + e + "' is not an IP address or CIDR block "
                        + "(such as 10.0.0.5, 10.0.0.0/8, ::1 or fd00::/8)");
            }
            parsed.add(new Block(network, prefix));
        }
        this.blocks = List.copyOf(parsed);
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** @return whether {@code address} (an IP literal) is a trusted proxy */
    boolean trusts(String address) {
        byte[] bytes = parse(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /**
     * @param peer the address of the immediate peer (the socket's)
     * @param scheme the connection's own scheme
     * @param forwardedFor every {@code X-Forwarded-For} header, in order (may be empty)
     * @param forwardedProto every {@code X-Forwarded-Proto} header, in order
     * @param forwarded every RFC 7239 {@code Forwarded} header, in order; used only without {@code X-Forwarded-For}
     */
    Origin origin(String peer, String scheme, List<String> forwardedFor, List<String> forwardedProto,
            List<String> forwarded) {
        if (!trusts(peer)) {
            return new Origin(peer, scheme);
        }
        List<String> hops = values(forwardedFor);
        List<String> protos = values(forwardedProto);
        if (hops.isEmpty() && protos.isEmpty()) {
            for (String element : values(forwarded)) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                        String value = unquote(pair.substring(eq + 1).strip());
                        if (name.equals("for")) {
                            hops.add(value);
                        } else if (name.equals("proto")) {
                            protos.add(value);
                        }
                    }
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hopAddress(hops.get(i));
            if (hop == null) {
                break; // not an address (unknown, obfuscated, garbage): the last proxy that passed it on is the client
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        String proto = protos.isEmpty() ? null : protos.get(protos.size() - 1).toLowerCase(Locale.ROOT);
        return new Origin(client, "https".equals(proto) || "http".equals(proto) ? proto : scheme);
    }

    /** @return the IP literal of a forwarded hop ({@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code [::1]:80}), or {@code null} */
    private static String hopAddress(String hop) {
        String h = hop;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            h = close < 0 ? "" : h.substring(1, close);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') > 0) {
            h = h.substring(0, h.indexOf(':')); // IPv4 with a port
        }
        byte[] bytes = parse(h);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static List<String> values(List<String> headers) {
        List<String> values = new ArrayList<>();
        for (String header : headers) {
            Arrays.stream(header.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** @return the bytes of an IP literal, or {@code null}; never asks DNS */
    static byte[] parse(String literal) {
        if (literal == null || literal.isEmpty() || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        if (literal.indexOf(':') < 0 && literal.split("\\.", -1).length != 4) {
            return null; // InetAddress would read "10.1" as 10.0.0.1
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
