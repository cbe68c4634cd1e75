package org.tanghulu.web.internal;

import java.util.Map;

/** The reason phrase and an English sentence for the HTTP error statuses the container itself may answer. */
final class Statuses {

    private static final Map<Integer, String[]> KNOWN = Map.ofEntries(
            Map.entry(400, new String[] {"Bad Request", "The request could not be read: its address, headers or body are malformed."}),
            Map.entry(401, new String[] {"Unauthorized", "This needs a login."}),
            Map.entry(403, new String[] {"Forbidden", "This is not allowed."}),
            Map.entry(404, new String[] {"Not Found", "There is nothing at this address."}),
            Map.entry(405, new String[] {"Method Not Allowed", "This address does not accept this method."}),
            Map.entry(406, new String[] {"Not Acceptable", "This address cannot answer in the form asked for (Accept)."}),
            Map.entry(411, new String[] {"Length Required", "The request must say the length of its body (Content-Length)."}),
            Map.entry(413, new String[] {"Payload Too Large", "The request is larger than this address accepts."}),
            Map.entry(414, new String[] {"URI Too Long", "The address is too long."}),
            Map.entry(415, new String[] {"Unsupported Media Type", "The request body is not of a type or charset this address reads."}),
            Map.entry(429, new String[] {"Too Many Requests", "Too many attempts; try again later."}),
            Map.entry(431, new String[] {"Request Header Fields Too Large", "The request's headers are too large."}),
            Map.entry(503, new String[] {"Service Unavailable", "The service is not available right now; try again shortly."}));

    private Statuses() {
    }

    static String reason(int status) {
        String[] known = KNOWN.get(status);
        return known != null ? known[0] : status >= 500 ? "Internal Server Error" : "Bad Request";
    }

    static String sentence(int status) {
        String[] known = KNOWN.get(status);
        if (known != null) {
            return known[1];
        }
        return status >= 500 ? "The platform could not answer this request; the error has been logged."
                : "The request was refused.";
    }
}
