package org.tanghulu.staff.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginAttempt;
import org.tanghulu.staff.LoginThrottle;

/**
 * {@link LoginThrottle} on the {@code login_failure} table: one row per name and one per address
 * of an audience, each failure counted by one atomic {@code UPDATE}; a first failure that races
 * another one's insert is counted again on the row that won.
 */
@Component(service = LoginThrottle.class, configurationPid = LoginConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LoginConfig.class)
public class DatabaseLoginThrottle implements LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLoginThrottle.class);
    private static final int TRIES = 5;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** What {@code login_failure.subject} holds, less the prefix. */
    private static final int MAX_KEY = 300;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /** The limits in force. */
    record Limits(int nameFailures, int addressFailures, Duration window, Duration lockout) {

        static Limits of(LoginConfig c) {
            return new Limits(c.nameFailures(), c.addressFailures(), Duration.ofMinutes(c.windowMinutes()),
                    Duration.ofMinutes(c.lockoutMinutes()));
        }
    }

    /** Parameter ?1, typed: PostgreSQL cannot infer the type of a parameter inside CASE. */
    private static final String NOW = "CAST(?1 AS TIMESTAMP)";
    /** Parameter ?3: the end of a lockout starting now. */
    private static final String UNTIL = "CAST(?3 AS TIMESTAMP)";
    /**
     * Whether a row's count starts again: its lockout is over, or it is not locked and its window
     * (from ?2 = now - window) is over. ?1 is now.
     */
    private static final String RESTART = "((locked_until IS NOT NULL AND locked_until <= " + NOW + ") "
            + "OR (locked_until IS NULL AND window_start <= CAST(?2 AS TIMESTAMP)))";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);
    private volatile Limits limits;

    @Activate
    public DatabaseLoginThrottle(@Reference StaffDatabase database, LoginConfig config) {
        this(database, Limits.of(config), Clock.systemUTC());
    }

    DatabaseLoginThrottle(StaffDatabase database, Limits limits, Clock clock) {
        this.jpa = database.jpa();
        this.limits = limits;
        this.clock = clock;
    }

    @Modified
    void modified(LoginConfig config) {
        limits = Limits.of(config);
    }

    @Override
    public <T> LoginAttempt<T> attempt(Audience audience, String user, String address, Supplier<Optional<T>> check) {
        String name = subject(audience, "name", user == null ? "" : user.strip().toLowerCase(Locale.ROOT));
        String from = subject(audience, "address", address == null ? "unknown" : address);
        Instant now = clock.instant();
        Duration wait = jpa.txExpr(TransactionType.Supports, em -> {
            Duration a = lockedFor(em.find(LoginFailureEntity.class, name), now);
            Duration b = lockedFor(em.find(LoginFailureEntity.class, from), now);
            return a.compareTo(b) >= 0 ? a : b;
        });
        if (!wait.isZero()) {
            return new LoginAttempt<>(Optional.empty(), wait);
        }
        Optional<T> who = check.get();
        if (who.isPresent()) {
            jpa.tx(em -> {
                LoginFailureEntity f = em.find(LoginFailureEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
                if (f != null && lockedFor(f, clock.instant()).isZero()) {
                    em.remove(f);
                }
            });
        } else {
            failed(name, from);
        }
        return new LoginAttempt<>(who, Duration.ZERO);
    }

    /** Counts a failure of the name and of the address in one transaction, name first (one lock order, no deadlock). */
    private void failed(String name, String from) {
        Limits l = limits;
        for (int attempt = 1; ; attempt++) {
            try {
                jpa.tx(em -> {
                    Instant now = clock.instant();
                    count(em, name, l.nameFailures(), l, now);
                    count(em, from, l.addressFailures(), l, now);
                });
                break;
            } catch (RuntimeException e) {
                if (attempt == TRIES) {
                    throw e;
                }
                LOG.debug("Counting a failed login again after {}", e.toString());
            }
        }
        purge(l);
    }

    /**
     * One atomic {@code UPDATE} (the database applies concurrent ones one after another on the
     * current row, on H2 as on PostgreSQL); an {@code INSERT} for the first failure.
     */
    private static void count(EntityManager em, String subject, int limit, Limits l, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp until = Timestamp.from(now.plus(l.lockout()));
        int updated = em.createNativeQuery("UPDATE login_failure SET "
                + "failures = CASE WHEN " + RESTART + " THEN 1 ELSE failures + 1 END, "
                + "locked_until = CASE WHEN " + RESTART + " THEN (CASE WHEN 1 >= ?4 THEN " + UNTIL + " ELSE NULL END) "
                + "WHEN locked_until IS NULL AND failures + 1 >= ?4 THEN " + UNTIL + " ELSE locked_until END, "
                + "window_start = CASE WHEN " + RESTART + " THEN " + NOW + " ELSE window_start END "
                + "WHERE subject = ?5")
                .setParameter(1, at).setParameter(2, Timestamp.from(now.minus(l.window())))
                .setParameter(3, until).setParameter(4, limit).setParameter(5, subject)
                .executeUpdate();
        if (updated == 0) {
            LoginFailureEntity f = new LoginFailureEntity();
            f.subject = subject;
            f.failures = 1;
            f.windowStart = now;
            f.lockedUntil = limit <= 1 ? now.plus(l.lockout()) : null;
            em.persist(f);
            em.flush();
        }
        LoginFailureEntity f = em.find(LoginFailureEntity.class, subject);
        if (f != null && f.failures == limit) {
            LOG.warn("Login locked for {} minutes after {} failures: {}", l.lockout().toMinutes(), limit, subject);
        }
    }

    /** Now and then forgets rows whose window and lockout are both over. */
    private void purge(Limits l) {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isBefore(now) && lastPurge.compareAndSet(last, now)) {
            Instant before = now.minus(l.window()).minus(l.lockout());
            jpa.tx(em -> em.createQuery("delete from LoginFailureEntity f where f.windowStart < :before "
                    + "and (f.lockedUntil is null or f.lockedUntil < :now)")
                    .setParameter("before", before).setParameter("now", now).executeUpdate());
        }
    }

    private static Duration lockedFor(LoginFailureEntity f, Instant now) {
        if (f == null || f.lockedUntil == null || !f.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil);
    }

    /** The row's key; control characters (a NUL is no text to PostgreSQL) become U+FFFD, as no account has them. */
    private static String subject(Audience audience, String kind, String key) {
        String k = CONTROL.matcher(key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key).replaceAll("\uFFFD");
        return audience.name().toLowerCase(Locale.ROOT) + ":" + kind + ":" + k;
    }
}
