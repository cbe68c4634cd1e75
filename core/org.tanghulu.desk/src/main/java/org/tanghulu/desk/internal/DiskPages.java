package org.tanghulu.desk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.exchange.DiskBatch;
import org.tanghulu.exchange.DiskImport;
import org.tanghulu.exchange.Exchanges;
import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.web.Exchange;

/**
 * A department's offline media ({@code /disk/{department}}), for the officers of that department only: the
 * tasks waiting for export and exported, unanswered; {@code POST .../export} downloads a new signed batch
 * ({@code again=1}: with the unanswered ones), {@code POST .../import} takes a signed result file, as the raw
 * request body or as the field {@code file} of a multipart form, and shows what it decided line by line.
 */
final class DiskPages {

    /** The largest result file taken (the platform's maxBodyBytes may be smaller, then that refuses first with 413). */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final Exchanges exchanges;

    DiskPages(Exchanges exchanges) {
        this.exchanges = exchanges;
    }

    /** @return the department of the path, if the actor is one of its officers; else FORBIDDEN */
    private static String department(Exchange x) {
        Actor actor = DeskServlet.actor(x);
        String department = x.pathParam("department");
        if (!actor.departments().contains(department)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "only the officers of department " + department
                    + " may exchange its offline media");
        }
        return department;
    }

    /** {@code GET /disk/{department}}. */
    void page(Exchange x) throws IOException {
        String department = department(x);
        render(x, 200, department, Map.of());
    }

    private void render(Exchange x, int status, String department, Map<String, Object> state) throws IOException {
        LinkStatus link = exchanges.links().stream().filter(l -> l.department().equals(department)).findFirst().orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("department", department);
        model.put("linked", link != null && link.diskKey() != null);
        model.put("queued", link == null ? 0 : link.queued());
        model.put("waiting", link == null ? 0 : link.waiting());
        model.putAll(state);
        x.render(status, "disk.ftlh", model);
    }

    /** {@code POST /disk/{department}/export}: the signed batch, as a download. */
    void export(Exchange x) throws IOException {
        String department = department(x);
        DiskBatch batch;
        try {
            batch = exchanges.exportDisk(department, "1".equals(x.param("again")));
        } catch (Refusal e) {
            refused(x, department, e);
            return;
        }
        x.response().setStatus(200);
        x.response().setContentType("application/x-ndjson");
        x.response().setHeader("Content-Disposition", "attachment; filename=\"" + department + "-" + batch.batch() + ".jsonl\"");
        x.response().setHeader("X-Tanghulu-Batch", batch.batch());
        x.response().setContentLength(batch.file().length);
        x.response().getOutputStream().write(batch.file());
    }

    /** {@code POST /disk/{department}/import}: a result file, raw or as the multipart field {@code file}. */
    void importFile(Exchange x) throws IOException {
        String department = department(x);
        byte[] body = read(x.request().getInputStream());
        if (body == null) {
            message(x, 413, department, "the result file is larger than " + MAX_BYTES / 1024 / 1024 + " MiB");
            return;
        }
        String type = x.request().getContentType() == null ? "" : x.request().getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            body = filePart(body, type);
            if (body == null) {
                message(x, 400, department, "the form has no file (field 'file')");
                return;
            }
        }
        if (body.length == 0) {
            message(x, 400, department, "no result file was sent");
            return;
        }
        DiskImport report;
        try {
            report = exchanges.importDisk(department, body);
        } catch (Refusal e) {
            refused(x, department, e);
            return;
        }
        render(x, 200, department, Map.of("report", report));
    }

    private void refused(Exchange x, String department, Refusal e) throws IOException {
        if (e.kind() == Refusal.Kind.NOT_FOUND || e.kind() == Refusal.Kind.FORBIDDEN) {
            throw e;
        }
        message(x, e.kind().status(), department, e.getMessage());
    }

    private void message(Exchange x, int status, String department, String message) throws IOException {
        render(x, status, department, Map.of("alert", message));
    }

    /** @return the body, or {@code null} if it is over {@link #MAX_BYTES} */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BYTES) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** @return the content of the multipart part named {@code file}, or {@code null} if there is none */
    static byte[] filePart(byte[] body, String contentType) {
        int b = contentType.indexOf("boundary=");
        if (b < 0) {
            return null;
        }
        String boundary = contentType.substring(b + 9).split(";")[0].trim().replace("\"", "");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return null;
            }
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                return null;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            if (headers.toLowerCase(Locale.ROOT).matches("(?s).*content-disposition:[^\\r\\n]*name=\"file\".*")) {
                return java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
            }
            at = next + 2;
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
