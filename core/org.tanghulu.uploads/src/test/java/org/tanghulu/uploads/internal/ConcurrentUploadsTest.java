package org.tanghulu.uploads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.tanghulu.testing.JpaTestDatabase;
import org.tanghulu.uploads.Draft;
import org.tanghulu.uploads.Limits;
import org.tanghulu.uploads.Upload;
import org.tanghulu.uploads.UploadRefused;

/**
 * The limits hold when many uploads to one draft or case arrive at the same moment: {@value #THREADS} threads, released
 * together, on H2 (in memory) and on PostgreSQL on 127.0.0.1:5432 (database {@code tanghulu_uploads_test}, trust
 * authentication), spread over {@value #NODES} {@link DatabaseUploads}, each on its own persistence unit of the one
 * database, as nodes of a cluster would be.
 */
class ConcurrentUploadsTest {

    private static final int THREADS = 16;
    private static final int NODES = 4;
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private final List<JpaTestDatabase> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(JpaTestDatabase::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theFileCountHoldsForADraftAndACase(String database) throws Exception {
        List<DatabaseUploads> uploads = nodes(database, new Limits(20_000, 10_000_000, 5));
        Draft draft = new Draft(7, "establishment", "0123456789abcdef-key");
        Map<UploadRefused.Reason, Integer> refused = race(uploads,
                (i, u) -> u.addToDraft(draft, "m", i + ".pdf", Samples.pdf()));
        assertEquals(5, uploads.get(0).ofDraft(7, "establishment").size(), "files kept: " + refused);
        assertEquals(Map.of(UploadRefused.Reason.TOO_MANY, THREADS - 5), refused);

        Map<UploadRefused.Reason, Integer> ofCase = race(uploads,
                (i, u) -> u.addToCase("TH-9", 7, "establishment", "m", i + ".pdf", Samples.pdf()));
        assertEquals(5, uploads.get(0).ofCase("TH-9").size(), "files kept: " + ofCase);
        assertEquals(Map.of(UploadRefused.Reason.TOO_MANY, THREADS - 5), ofCase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theTotalSizeHoldsForADraft(String database) throws Exception {
        byte[] png = Samples.png();
        List<DatabaseUploads> uploads = nodes(database, new Limits(20_000, png.length * 3L, 40));
        Draft draft = new Draft(8, "establishment", "0123456789abcdef-two");
        Map<UploadRefused.Reason, Integer> refused = race(uploads, (i, u) -> u.addToDraft(draft, "m", i + ".png", png));
        long total = uploads.get(0).ofDraft(8, "establishment").stream().mapToLong(Upload::size).sum();
        assertEquals(png.length * 3L, total, "bytes kept: " + refused);
        assertEquals(Map.of(UploadRefused.Reason.TOTAL_TOO_LARGE, THREADS - 3), refused);
    }

    /** @return one {@link DatabaseUploads} per thread, {@value #NODES} different ones, each on its own persistence unit */
    private List<DatabaseUploads> nodes(String database, Limits limits) throws Exception {
        DataSource shared = database.equals("h2") ? null : postgres();
        List<DatabaseUploads> all = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            JpaTestDatabase db = shared == null && nodes.isEmpty()
                    ? new JpaTestDatabase("tanghulu-uploads", ConcurrentUploadsTest.class)
                    : new JpaTestDatabase("tanghulu-uploads", ConcurrentUploadsTest.class,
                            shared == null ? nodes.get(0).dataSource() : shared);
            nodes.add(db);
            all.add(new DatabaseUploads(new UploadsDatabase(db.dataSource(), db), Clock.systemUTC(), limits));
        }
        for (int i = NODES; i < THREADS; i++) {
            all.add(all.get(i % NODES));
        }
        return all;
    }

    private static DataSource postgres() throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS tanghulu_uploads_test");
            s.execute("CREATE DATABASE tanghulu_uploads_test");
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(PG + "tanghulu_uploads_test");
        pg.setUser("postgres");
        return pg;
    }

    interface Attempt {
        Upload run(int i, DatabaseUploads uploads);
    }

    /** @return how many uploads were refused, by reason; any other failure fails the test */
    private static Map<UploadRefused.Reason, Integer> race(List<DatabaseUploads> uploads, Attempt attempt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        Map<UploadRefused.Reason, Integer> refused = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        attempt.run(n, uploads.get(n));
                    } catch (UploadRefused e) {
                        refused.merge(e.reason(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS); // an error other than a refusal fails here
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        return Map.copyOf(refused);
    }
}
