package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * HTTP as an attacker speaks it, on raw sockets against the real distribution: headers on answers, no
 * server version on either port, forwarded headers believed only from a configured proxy, size limits,
 * and the container's own refusals answered by the platform (JSON under /api, a page elsewhere) with no
 * Java or Jetty internals.
 */
@Tag("long") // once, in .ci/run's PostgreSQL step: keeps the README's test command under 10 minutes
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpHardeningIT {

    /** What no answer may contain: Java class names, stack frames, the container's name. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|org\\.eclipse|org\\.apache|Exception|\\bat [a-z]+\\.|Jetty|jetty", Pattern.CASE_INSENSITIVE);

    private Distribution platform;

    @BeforeAll
    void boot() throws Exception {
        platform = new Distribution("http-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_http_it"));
        platform.start();
        // /api/health may answer before the portal's and the desk's servlets are registered
        Distribution.await(Duration.ofSeconds(60), "the portal and the desk", () -> Distribution.is(200,
                () -> portal("GET / HTTP/1.1", null).status()) && Distribution.is(303,
                () -> raw(platform.deskPort, request("GET /desk/ HTTP/1.1", null)).status()));
    }

    @AfterAll
    void shutdown() throws InterruptedException {
        if (platform != null) {
            platform.close();
        }
    }

    /** One raw HTTP exchange; the answer as the server wrote it. */
    private record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        List<String> headers(String name) {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(name.length() + 1).strip()).toList();
        }

        JsonNode json() throws IOException {
            assertTrue(String.valueOf(header("Content-Type")).startsWith("application/json"), () -> "not JSON: " + this);
            JsonNode node = Distribution.JSON.readTree(body);
            assertEquals(status, node.path("status").asInt(), () -> "status in the body: " + body);
            assertFalse(node.path("message").asText().isBlank(), () -> "a message in words: " + body);
            return node;
        }

        /** Asserts that nothing of the container's internals shows, head or body. */
        Answer clean() {
            assertFalse(INTERNALS.matcher(body).find(), () -> "internals in the body: " + this);
            assertEquals(null, header("Server"), () -> "a Server header: " + this);
            assertEquals(null, header("X-Powered-By"), () -> "an X-Powered-By header: " + this);
            return this;
        }

        @Override
        public String toString() {
            return head + "\r\n\r\n" + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    private Answer raw(int port, byte[] request, byte[]... more) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                for (byte[] part : more) {
                    out.write(part);
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server may answer and close before the whole body is sent: read what it said
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // keep-alive or reset after the answer: what arrived is the answer
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertTrue(split > 0, () -> "no HTTP answer: " + text);
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if ("chunked".equalsIgnoreCase(new Answer(0, head, "").header("Transfer-Encoding"))) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        String rest = chunked;
        while (true) {
            int eol = rest.indexOf("\r\n");
            if (eol < 0) {
                return out.toString();
            }
            int size = Integer.parseInt(rest.substring(0, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            byte[] bytes = rest.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(bytes, 0, Math.min(size, bytes.length), StandardCharsets.UTF_8);
            out.append(chunk);
            rest = rest.substring(eol + 2 + chunk.length() + 2);
        }
    }

    private Answer portal(String requestHead, String body) throws IOException {
        return raw(platform.httpPort, request(requestHead, body));
    }

    private static byte[] request(String head, String body) {
        String lines = head.replace("\n", "\r\n") + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        if (body != null) {
            lines += "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n";
        }
        return (lines + "\r\n" + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void apiAnswersAreNotSniffedNotStoredAndNeitherPortNamesItsServer() throws IOException {
        Answer health = portal("GET /api/health HTTP/1.1", null).clean();
        assertEquals(200, health.status());
        assertEquals("nosniff", health.header("X-Content-Type-Options"));
        assertEquals("no-store", health.header("Cache-Control"));
        Answer groups = portal("GET /api/groups HTTP/1.1", null).clean();
        assertEquals("no-store", groups.header("Cache-Control"));
        Answer page = portal("GET / HTTP/1.1", null).clean();
        assertEquals(200, page.status());
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        Answer desk = raw(platform.deskPort, request("GET /desk/ HTTP/1.1", null)).clean();
        assertTrue(desk.status() < 400, desk::toString);
        Answer outside = raw(platform.deskPort, request("GET /not-the-desk HTTP/1.1", null)).clean();
        assertEquals(404, outside.status());
    }

    @Test
    @Order(2)
    void forwardedHeadersFromAnUntrustedPeerAreIgnoredAndFromATrustedProxyBelieved() throws Exception {
        String spoofed = "GET / HTTP/1.1\nX-Forwarded-Proto: https\nX-Forwarded-For: 203.0.113.7";
        Answer untrusted = portal(spoofed, null);
        assertEquals(200, untrusted.status());
        assertFalse(untrusted.headers("Set-Cookie").isEmpty(), untrusted::toString);
        assertTrue(untrusted.headers("Set-Cookie").stream().noneMatch(c -> c.contains("Secure")),
                () -> "no proxy is trusted by default, yet: " + untrusted.headers("Set-Cookie"));

        Files.writeString(platform.home.resolve("etc/org.tanghulu.http.cfg"), "trustedProxies = 127.0.0.1, ::1\n");
        Distribution.await(Duration.ofSeconds(30), "the trusted proxy to be configured", () -> {
            try {
                List<String> cookies = portal(spoofed, null).headers("Set-Cookie");
                return !cookies.isEmpty() && cookies.stream().allMatch(c -> c.contains("; Secure"));
            } catch (IOException e) {
                return false;
            }
        });
        Answer plain = portal("GET / HTTP/1.1", null);
        assertFalse(plain.headers("Set-Cookie").isEmpty(), plain::toString);
        assertTrue(plain.headers("Set-Cookie").stream().noneMatch(c -> c.contains("Secure")),
                () -> "without X-Forwarded-Proto the proxy spoke plain HTTP: " + plain.headers("Set-Cookie"));
        Answer english = portal("GET /?lang=en HTTP/1.1\nX-Forwarded-Proto: https", null);
        List<String> language = english.headers("Set-Cookie").stream().filter(c -> c.startsWith("tanghulu-lang=")).toList();
        assertEquals(1, language.size(), english::toString);
        assertTrue(language.get(0).contains("; Secure"), () -> "the language cookie too: " + language);
        Files.delete(platform.home.resolve("etc/org.tanghulu.http.cfg"));
    }

    @Test
    @Order(3)
    void aBodyOverTheLimitIsRefusedUnreadByLengthAndWhileChunked() throws IOException {
        // Jetty dispatches when the body starts; only its first 64 KB are sent: 413 must come without the 2 MB
        byte[] start = "a".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
        Answer declared = raw(platform.httpPort, ("POST /api/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                start).clean();
        assertEquals(413, declared.status(), declared::toString);
        assertTrue(declared.json().path("message").asText().contains("1048576"), declared::toString);

        byte[] chunk = ("{\"x\":\"" + "a".repeat(65_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = frame(chunk);
        byte[][] body = new byte[20][];
        java.util.Arrays.fill(body, framed);
        Answer chunked = raw(platform.httpPort, ("POST /api/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                body).clean();
        assertEquals(413, chunked.status(), chunked::toString);
        chunked.json();

        Answer form = raw(platform.httpPort, ("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 300000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), start).clean();
        assertEquals(413, form.status(), form::toString);
        assertTrue(form.header("Content-Type").startsWith("text/html"), form::toString);
        assertTrue(form.body().contains("提交的内容太大"), form::toString);
    }

    @Test
    @Order(4)
    void aSmallChunkedBodyStillReachesTheApi() throws IOException {
        byte[] body = "{\"groupId\":\"no-such-group\"}".getBytes(StandardCharsets.US_ASCII);
        Answer answer = raw(platform.httpPort, ("POST /api/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                frame(body), "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).clean();
        assertTrue(answer.status() >= 400 && answer.status() < 500 && answer.status() != 413, answer::toString);
        answer.json();
    }

    @Test
    @Order(5)
    void anUnknownCharsetIsRefusedInWordsOnTheApiAndOnAPage() throws IOException {
        Answer api = portal("POST /api/cases HTTP/1.1\nContent-Type: application/json; charset=x-unknown", "{}").clean();
        assertEquals(415, api.status(), api::toString);
        assertTrue(api.json().path("message").asText().contains("x-unknown"), api::toString);

        Answer page = portal("POST /login HTTP/1.1\nContent-Type: application/x-www-form-urlencoded; charset=x-unknown",
                "name=a&password=b").clean();
        assertEquals(415, page.status(), page::toString);
        assertTrue(page.body().contains("UTF-8") && page.body().contains("<html"), page::toString);
        Answer desk = raw(platform.deskPort, request(
                "POST /desk/login HTTP/1.1\nContent-Type: application/x-www-form-urlencoded; charset=x-unknown", "a=b")).clean();
        assertEquals(415, desk.status(), desk::toString);
    }

    @Test
    @Order(6)
    void whatTheContainerRefusesItselfShowsNoInternals() throws IOException {
        Answer unknown = portal("GET /api/no/such/thing HTTP/1.1", null).clean();
        assertEquals(404, unknown.status());
        unknown.json();
        Answer method = portal("DELETE /api/health HTTP/1.1", null).clean();
        assertEquals(405, method.status());
        method.json();
        Answer percent = portal("GET /api/%zz HTTP/1.1", null).clean();
        assertEquals(400, percent.status(), percent::toString);
        Answer pagePercent = portal("GET /cases/%zz%ff HTTP/1.1", null).clean();
        assertTrue(pagePercent.status() == 400 || pagePercent.status() == 404, pagePercent::toString);
        Answer header = portal("GET /api/health HTTP/1.1\nThis is no header", null).clean();
        assertEquals(400, header.status(), header::toString);
        Answer huge = portal("GET /api/health HTTP/1.1\nX-Big: " + "b".repeat(20_000), null).clean();
        assertEquals(431, huge.status(), huge::toString);
        Answer longUri = portal("GET /api/" + "u".repeat(20_000) + " HTTP/1.1", null).clean();
        assertTrue(longUri.status() == 414 || longUri.status() == 431, longUri::toString);
        Answer deskPercent = raw(platform.deskPort, request("GET /desk/%zz HTTP/1.1", null)).clean();
        assertEquals(400, deskPercent.status(), deskPercent::toString);
    }

    private static byte[] frame(byte[] chunk) {
        byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[head.length + chunk.length + 2];
        System.arraycopy(head, 0, framed, 0, head.length);
        System.arraycopy(chunk, 0, framed, head.length, chunk.length);
        framed[framed.length - 2] = '\r';
        framed[framed.length - 1] = '\n';
        return framed;
    }
}
