package org.tanghulu.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.tanghulu.kernel.json.Json;

/**
 * The signed files of offline media (DISK), JSON lines in UTF-8: a header line
 * {@code {"format","department","batch","created","count"}}, one line per record, and a last line
 * {@code {"signature":"<hex>"}}: SM2 (curve sm2p256v1, default user id) over the exact bytes before it,
 * every line ending in {@code \n}. A batch ({@link #BATCH}) carries one request per task, signed by the
 * platform; a result file ({@link #RESULT}) one answer per line, signed by the department.
 */
final class DiskFile {

    static final String BATCH = "tanghulu-disk-batch/1";
    static final String RESULT = "tanghulu-disk-result/1";

    /** A record line and its number in the file (the header is line 1). */
    record Line(int number, byte[] bytes) {
    }

    /** A file whose signature verified: its header and record lines. */
    record Signed(JsonNode header, List<Line> records) {
    }

    private DiskFile() {
    }

    /** @return the signed file of these records (each a JSON object on one line) */
    static byte[] write(String format, String department, String batch, Instant created, List<byte[]> records, SigningKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", format);
        header.put("department", department);
        header.put("batch", batch);
        header.put("created", created.toString());
        header.put("count", records.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(Json.stored().writeValueAsBytes(header));
            out.write('\n');
            for (byte[] r : records) {
                out.write(r);
                out.write('\n');
            }
            byte[] signed = out.toByteArray();
            out.write(("{\"signature\":\"" + HexFormat.of().formatHex(key.sign(signed)) + "\"}\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a file as a whole: its header (format, department, count) and its signature by {@code key}.
     *
     * @throws IllegalArgumentException saying why the whole file is refused: not such a file, another
     *         department's, unsigned, truncated, or a signature that does not verify
     */
    static Signed read(byte[] file, String format, String department, SigningKey key) {
        List<int[]> lines = new ArrayList<>(); // [start, end) without the '\n'
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        boolean endsWithNewline = start == file.length;
        if (!endsWithNewline) {
            lines.add(new int[] {start, file.length});
        }
        if (lines.isEmpty() || file.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        JsonNode header = json(file, lines.get(0));
        if (header == null || !header.path("format").isTextual()) {
            throw new IllegalArgumentException("this is no Tanghulu offline-media file: its first line must be the header "
                    + "{\"format\":\"" + format + "\",...}");
        }
        if (!format.equals(header.path("format").asText())) {
            throw new IllegalArgumentException("this is a file of format " + header.path("format").asText() + ", not a "
                    + format + " file");
        }
        String of = header.path("department").asText("");
        if (!department.equals(of)) {
            throw new IllegalArgumentException("this file is department " + (of.isEmpty() ? "(none)" : of) + "'s, not "
                    + department + "'s: nothing was imported");
        }
        int[] last = lines.get(lines.size() - 1);
        JsonNode end = lines.size() > 1 ? json(file, last) : null;
        if (lines.size() > 1 && end == null) {
            throw new IllegalArgumentException("the file is truncated: its last line (" + lines.size()
                    + ") is cut off, and it has no signature: nothing was imported");
        }
        if (end == null || !end.path("signature").isTextual()) {
            throw new IllegalArgumentException("the file is not signed: its last line is no signature line {\"signature\":...}"
                    + " (unsigned, or truncated after line " + lines.size() + "): nothing was imported");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(end.path("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature is not hexadecimal: nothing was imported");
        }
        byte[] signed = java.util.Arrays.copyOf(file, last[0]);
        if (!key.verifies(signed, signature)) {
            throw new IllegalArgumentException("the signature does not verify with department " + department
                    + "'s registered SM2 key: the file was changed, forged or signed with another key; nothing was imported");
        }
        List<Line> records = new ArrayList<>();
        for (int n = 1; n < lines.size() - 1; n++) {
            int[] l = lines.get(n);
            if (l[1] > l[0] && !(l[1] - l[0] == 1 && file[l[0]] == '\r')) {
                records.add(new Line(n + 1, java.util.Arrays.copyOfRange(file, l[0], l[1])));
            }
        }
        if (!header.path("count").canConvertToInt() || header.path("count").asInt() != records.size()) {
            throw new IllegalArgumentException("the file is incomplete: its header announces " + header.path("count").asText("no")
                    + " records, it has " + records.size() + ": nothing was imported");
        }
        return new Signed(header, records);
    }

    private static JsonNode json(byte[] file, int[] line) {
        try {
            JsonNode n = Json.stored().readTree(new String(file, line[0], line[1] - line[0], StandardCharsets.UTF_8));
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
