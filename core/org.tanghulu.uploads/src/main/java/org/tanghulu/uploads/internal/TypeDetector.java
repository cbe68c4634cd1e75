package org.tanghulu.uploads.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.tanghulu.uploads.FileType;

/**
 * Tells a file's type by its content: the magic bytes at its start, its structure to the end (no bytes of
 * another format hidden before or after it) and, for images, a full decode with the JRE's ImageIO. The
 * declared name and media type are never asked. PDFBox is not in the platform; a PDF is checked for its
 * header, its cross-reference pointer and its end-of-file marker, which is what readers need to open it.
 */
final class TypeDetector {

    /** The most pixels an image may have: a small file must not unpack into gigabytes. */
    static final long MAX_PIXELS = 50_000_000L;
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final int PDF_TAIL = 1024;

    private TypeDetector() {
    }

    /** @return the type, or empty if the bytes are not a whole, readable PDF, JPEG or PNG file */
    static Optional<FileType> detect(byte[] b) {
        if (b == null || b.length < 8) {
            return Optional.empty();
        }
        if (startsWith(b, PNG)) {
            return pngStructure(b) && decodes(b, "png") ? Optional.of(FileType.PNG) : Optional.empty();
        }
        if ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return (b[b.length - 2] & 0xff) == 0xff && (b[b.length - 1] & 0xff) == 0xd9 && decodes(b, "jpeg")
                    ? Optional.of(FileType.JPEG) : Optional.empty();
        }
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return pdf(b) ? Optional.of(FileType.PDF) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Chunks with correct CRCs from IHDR to an IEND that ends the file. */
    private static boolean pngStructure(byte[] b) {
        int at = PNG.length;
        boolean first = true;
        CRC32 crc = new CRC32();
        while (at + 12 <= b.length) {
            long length = readInt(b, at) & 0xffffffffL;
            if (length > b.length - at - 12L) {
                return false;
            }
            String type = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
            if (first && !type.equals("IHDR")) {
                return false;
            }
            first = false;
            crc.reset();
            crc.update(b, at + 4, 4 + (int) length);
            if ((int) crc.getValue() != readInt(b, at + 8 + (int) length)) {
                return false;
            }
            at += 12 + (int) length;
            if (type.equals("IEND")) {
                return at == b.length;
            }
        }
        return false;
    }

    /** A version digit, a {@code startxref} with an offset inside the file, and {@code %%EOF} at the end. */
    private static boolean pdf(byte[] b) {
        if (b.length < 32 || !Character.isDigit(b[5]) || b[6] != '.' || !Character.isDigit(b[7])) {
            return false;
        }
        int from = Math.max(0, b.length - PDF_TAIL);
        String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        int eof = tail.lastIndexOf("%%EOF");
        if (eof < 0 || !tail.substring(eof + 5).isBlank()) {
            return false;
        }
        int xref = tail.lastIndexOf("startxref", eof);
        if (xref < 0) {
            return false;
        }
        String offset = tail.substring(xref + 9, eof).strip();
        if (!offset.matches("\\d{1,12}")) {
            return false;
        }
        return Long.parseLong(offset) < b.length;
    }

    /** A full decode, refusing on any warning (a truncated JPEG decodes with a warning) and on huge dimensions. */
    private static boolean decodes(byte[] b, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            return false;
        }
        ImageReader reader = readers.next();
        AtomicBoolean warned = new AtomicBoolean();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(b))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels <= 0 || pixels > MAX_PIXELS) {
                return false;
            }
            return reader.read(0) != null && !warned.get();
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
