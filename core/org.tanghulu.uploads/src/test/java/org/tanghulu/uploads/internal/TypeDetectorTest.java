package org.tanghulu.uploads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tanghulu.uploads.FileType;

class TypeDetectorTest {

    @Test
    void realFilesAreKnownByTheirContent() {
        assertEquals(Optional.of(FileType.PNG), TypeDetector.detect(Samples.png()));
        assertEquals(Optional.of(FileType.JPEG), TypeDetector.detect(Samples.jpeg()));
        assertEquals(Optional.of(FileType.PDF), TypeDetector.detect(Samples.pdf()));
    }

    @Test
    void aProgramIsNoneOfThem() {
        assertTrue(TypeDetector.detect(Samples.exe()).isEmpty());
    }

    @Test
    void emptyAndTinyFilesAreRefused() {
        assertTrue(TypeDetector.detect(new byte[0]).isEmpty());
        assertTrue(TypeDetector.detect(null).isEmpty());
        assertTrue(TypeDetector.detect("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).isEmpty());
    }

    @Test
    void truncatedFilesAreRefused() {
        byte[] png = Samples.png();
        assertTrue(TypeDetector.detect(Arrays.copyOf(png, png.length - 20)).isEmpty());
        byte[] jpeg = Samples.jpeg();
        assertTrue(TypeDetector.detect(Arrays.copyOf(jpeg, jpeg.length / 2)).isEmpty());
        byte[] pdf = Samples.pdf();
        assertTrue(TypeDetector.detect(Arrays.copyOf(pdf, pdf.length - 8)).isEmpty());
    }

    @Test
    void aCorruptedChunkIsRefused() {
        byte[] png = Samples.png();
        png[40] ^= 0x55; // inside IHDR or the first IDAT: its CRC no longer matches
        assertTrue(TypeDetector.detect(png).isEmpty());
    }

    @Test
    void polyglotsAreRefused() {
        // an image with a PDF after it, and a PDF with an image before its header
        assertTrue(TypeDetector.detect(concat(Samples.png(), Samples.pdf())).isEmpty());
        assertTrue(TypeDetector.detect(concat(Samples.jpeg(), Samples.pdf())).isEmpty());
        assertTrue(TypeDetector.detect(concat(Samples.jpeg(), Samples.png())).isEmpty());
        assertTrue(TypeDetector.detect(concat(Samples.png(), Samples.exe())).isEmpty());
        assertTrue(TypeDetector.detect(concat(Samples.exe(), Samples.pdf())).isEmpty());
        // a PDF with junk after its end
        assertTrue(TypeDetector.detect(concat(Samples.pdf(), Samples.exe())).isEmpty());
    }

    @Test
    void aRenamedProgramWithAPdfHeaderButNoStructureIsRefused() {
        byte[] fake = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), Samples.exe());
        assertTrue(TypeDetector.detect(fake).isEmpty());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
