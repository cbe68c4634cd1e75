package org.tanghulu.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.accounts.Account;
import org.tanghulu.core.accounts.Accounts;
import org.tanghulu.core.accounts.Draft;
import org.tanghulu.core.accounts.Registration;
import org.tanghulu.core.internal.store.TestDatabase;

/** The account service on H2 and Hibernate, as in the platform but outside OSGi. */
class AccountServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static TestDatabase db;
    private static AccountService accounts;

    @BeforeAll
    static void start() {
        db = new TestDatabase();
        accounts = new AccountService(db.database(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Refusal refused(Refusal.Kind kind, Runnable call) {
        Refusal e = assertThrows(Refusal.class, call::run);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    private static List<String> fields(Refusal e) {
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void registersWithALowerCasedUserNameAndKeepsOnlyABcryptHash() {
        Account a = accounts.register(new Registration(" Zhang.San ", "correct horse battery", " 张三 ", "zs@example.cn",
                "13812345678"));
        assertEquals("zhang.san", a.username());
        assertEquals("张三", a.name());
        assertEquals("zs@example.cn", a.email());
        assertEquals("13812345678", a.mobile());
        assertEquals(NOW, a.created());
        assertEquals(a, accounts.account(a.id()));
        String stored = db.txExpr(em -> em.find(AccountEntity.class, a.id()).passwordHash);
        assertTrue(stored.startsWith("$2y$" + AccountService.BCRYPT_COST + "$"), stored);
        assertFalse(stored.contains("correct horse"));
    }

    @Test
    void reportsEveryProblemOfARegistrationAtOnce() {
        Refusal e = refused(Refusal.Kind.INVALID,
                () -> accounts.register(new Registration("a b", "short", " ", "not-an-address", "12345678901")));
        assertEquals(List.of("username", "password", "name", "email", "mobile"), fields(e));
        e.problems().forEach(p -> assertFalse(p.message().zh().isBlank() || p.message().en().isBlank(), p.toString()));

        e = refused(Refusal.Kind.INVALID, () -> accounts.register(new Registration("li.si", "xxli.sixxxx", "李四",
                null, "")));
        assertEquals(List.of("password"), fields(e), "a password that contains the user name");
        refused(Refusal.Kind.INVALID, () -> accounts.register(new Registration("wang.wu", "密".repeat(25), "王五",
                null, null)));
        assertEquals(List.of("username"), fields(refused(Refusal.Kind.INVALID, () -> accounts.register(
                new Registration("ab", "long enough pw", "x", "a@b.cn", "19912345678")))));
    }

    @Test
    void aUserNameIsTakenOnceWhateverItsCase() {
        accounts.register(new Registration("zhao.liu", "first person's pw", "赵六", null, null));
        Refusal e = refused(Refusal.Kind.INVALID,
                () -> accounts.register(new Registration("ZHAO.LIU", "second person's pw", "赵六", null, null)));
        assertEquals(List.of("username"), fields(e));
        assertEquals("用户名已被使用", e.problems().get(0).message().zh());
        assertEquals("This user name is taken", e.problems().get(0).message().en());
    }

    @Test
    void ofConcurrentRegistrationsOfOneNameOneWinsAndTheOthersAreTold() throws Exception {
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    accounts.register(new Registration("same.name", "a good password", "同名", null, null));
                    return "created";
                } catch (Refusal e) {
                    return e.kind() + " " + fields(e) + " " + e.problems().get(0).message().en();
                }
            }));
        }
        start.countDown();
        Map<String, Integer> outcomes = new HashMap<>();
        for (Future<String> f : results) {
            outcomes.merge(f.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of("created", 1, "INVALID [username] This user name is taken", n - 1), outcomes);
    }

    @Test
    void authenticatesTheRightPasswordOnly() {
        Account a = accounts.register(new Registration("qian.qi", "qian's own password", "钱七", null, null));
        assertEquals(a, accounts.authenticate("Qian.Qi ", "qian's own password").orElseThrow());
        assertTrue(accounts.authenticate("qian.qi", "qian's own passworD").isEmpty());
        assertTrue(accounts.authenticate("qian.qi", null).isEmpty());
        assertTrue(accounts.authenticate("nobody.here", "qian's own password").isEmpty());
        assertTrue(accounts.authenticate(null, null).isEmpty());
        assertTrue(accounts.authenticate("qian.qi", "x".repeat(100)).isEmpty());
        refused(Refusal.Kind.NOT_FOUND, () -> accounts.account(999_999));
    }

    @Test
    void keepsOneDraftPerAccountAndGroupUntilDiscarded() {
        long id = accounts.register(new Registration("sun.ba", "sun's password!", "孙八", null, null)).id();
        assertTrue(accounts.draft(id, "g").isEmpty());
        accounts.saveDraft(id, "g", Map.of("name", "半个名字"), Set.of("id-card"));
        accounts.saveDraft(id, "other", Map.of("x", "1"), null);
        accounts.saveDraft(id, "g", Map.of("name", "完整的名字", "capital", ""), Set.of("id-card", "lease"));
        Draft d = accounts.draft(id, "g").orElseThrow();
        assertEquals(new Draft("g", Map.of("name", "完整的名字", "capital", ""), Set.of("id-card", "lease"), NOW), d);
        accounts.discardDraft(id, "g");
        assertTrue(accounts.draft(id, "g").isEmpty());
        assertEquals(Map.of("x", "1"), accounts.draft(id, "other").orElseThrow().values(), "other groups' drafts stay");
        accounts.discardDraft(id, "g"); // nothing to discard: no error
        refused(Refusal.Kind.NOT_FOUND, () -> accounts.saveDraft(999_999, "g", Map.of(), Set.of()));
    }

    @Test
    void refusesDraftsBeyondTheLimits() {
        long id = accounts.register(new Registration("zhou.jiu", "zhou's password", "周九", null, null)).id();
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= Accounts.MAX_DRAFT_VALUES; i++) {
            many.put("f" + i, "v");
        }
        assertEquals(List.of("values"), fields(refused(Refusal.Kind.INVALID,
                () -> accounts.saveDraft(id, "g", many, Set.of()))));
        assertEquals(List.of("group", "values"), fields(refused(Refusal.Kind.INVALID, () -> accounts.saveDraft(id,
                " ", Map.of("f", "x".repeat(Accounts.MAX_DRAFT_VALUE_LENGTH + 1)), Set.of()))));
        accounts.saveDraft(id, "g", Map.of("f", "x".repeat(Accounts.MAX_DRAFT_VALUE_LENGTH)), Set.of());
        assertNotEquals(0, accounts.draft(id, "g").orElseThrow().values().get("f").length());
    }
}
