package org.tanghulu.uploads.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tanghulu.testing.JpaTestDatabase;
import org.tanghulu.uploads.Draft;
import org.tanghulu.uploads.FileType;
import org.tanghulu.uploads.Limits;
import org.tanghulu.uploads.Upload;
import org.tanghulu.uploads.UploadRefused;

class DatabaseUploadsTest {

    private final JpaTestDatabase db = new JpaTestDatabase("tanghulu-uploads", DatabaseUploadsTest.class);
    private final DatabaseUploads uploads = new DatabaseUploads(new UploadsDatabase(db.dataSource(), db),
            Clock.systemUTC(), new Limits(20_000, 30_000, 3));
    private final Draft draft = new Draft(7, "establishment", "0123456789abcdef-key");

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFileIsStoredWithItsDigestAndTravelsWithTheSubmission() {
        byte[] png = Samples.png();
        Upload u = uploads.addToDraft(draft, "id-card", "C:\\Users\\me\\身份证.png", png);
        assertEquals("身份证.png", u.name());
        assertEquals(FileType.PNG, u.type());
        assertEquals(DatabaseUploads.sha256(png), u.sha256());
        assertEquals(Optional.of(draft.submissionKey()), uploads.draftKey(7, "establishment"));
        assertArrayEquals(png, uploads.content(u.id()).orElseThrow());

        assertEquals(1, uploads.bind(draft, "TH-1"));
        assertEquals(0, uploads.bind(draft, "TH-1"));
        assertTrue(uploads.ofDraft(7, "establishment").isEmpty());
        assertEquals("TH-1", uploads.ofCase("TH-1").get(0).trackingNumber());
        assertFalse(uploads.removeFromDraft(u.id(), 7), "a bound upload stays");
    }

    @Test
    void refusalsNameTheirReasonAndStoreNothing() {
        assertEquals(UploadRefused.Reason.TYPE,
                assertThrows(UploadRefused.class, () -> uploads.addToDraft(draft, "m", "x.pdf", Samples.exe())).reason());
        assertEquals(UploadRefused.Reason.EMPTY,
                assertThrows(UploadRefused.class, () -> uploads.addToDraft(draft, "m", "x.pdf", new byte[0])).reason());
        assertEquals(UploadRefused.Reason.TOO_LARGE,
                assertThrows(UploadRefused.class, () -> uploads.addToDraft(draft, "m", "x.pdf", new byte[20_001])).reason());
        assertEquals(UploadRefused.Reason.BAD_NAME,
                assertThrows(UploadRefused.class, () -> uploads.addToDraft(draft, "m", "../", Samples.pdf())).reason());
        assertTrue(uploads.ofDraft(7, "establishment").isEmpty());
    }

    @Test
    void countAndTotalAreLimitedPerDraft() {
        uploads.addToDraft(draft, "m", "a.pdf", Samples.pdf());
        uploads.addToDraft(draft, "m", "b.pdf", Samples.pdf());
        uploads.addToDraft(draft, "m", "c.pdf", Samples.pdf());
        assertEquals(UploadRefused.Reason.TOO_MANY,
                assertThrows(UploadRefused.class, () -> uploads.addToDraft(draft, "m", "d.pdf", Samples.pdf())).reason());
        byte[] png = Samples.png();
        DatabaseUploads small = new DatabaseUploads(new UploadsDatabase(db.dataSource(), db), Clock.systemUTC(),
                new Limits(20_000, png.length * 2L + 10, 10));
        Draft other = new Draft(8, "establishment", "0123456789abcdef-two");
        small.addToDraft(other, "m", "1.png", png);
        small.addToDraft(other, "m", "2.png", png);
        assertEquals(UploadRefused.Reason.TOTAL_TOO_LARGE,
                assertThrows(UploadRefused.class, () -> small.addToDraft(other, "m", "3.png", png)).reason());
        assertEquals(2, small.ofDraft(8, "establishment").size());
        assertEquals(3, uploads.ofDraft(7, "establishment").size());
    }

    @Test
    void onlyTheOwnerRemovesADraftUpload() {
        Upload u = uploads.addToDraft(draft, "m", "a.pdf", Samples.pdf());
        assertFalse(uploads.removeFromDraft(u.id(), 8));
        assertTrue(uploads.removeFromDraft(u.id(), 7));
        assertTrue(uploads.find(u.id()).isEmpty());
        assertTrue(uploads.content(u.id()).isEmpty());
    }
}
