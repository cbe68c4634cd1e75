package org.tanghulu.staff.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.kernel.json.Json;
import org.tanghulu.staff.StaffToken;
import org.tanghulu.staff.StaffTokens;

/**
 * {@link StaffTokens} on the {@code staff_token} table. A token is 256 bits from {@link SecureRandom};
 * the table holds its SHA-256 only (a fast hash is enough for a random secret of that size), so
 * neither a copy of the database nor its logs let anyone act as staff.
 */
@Component(service = StaffTokens.class, configurationPid = LoginConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DatabaseStaffTokens implements StaffTokens {

    /** 32 bytes in URL-safe Base64 without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Use within this time of the last recorded one is not written again (one write per minute at most). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** The lifetimes in force. */
    record Lifetimes(Duration idle, Duration absolute) {

        static Lifetimes of(LoginConfig c) {
            return new Lifetimes(Duration.ofMinutes(c.tokenIdleMinutes()), Duration.ofHours(c.tokenAbsoluteHours()));
        }
    }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Lifetimes lifetimes;

    @Activate
    public DatabaseStaffTokens(@Reference StaffDatabase database, LoginConfig config) {
        this(database, Lifetimes.of(config), Clock.systemUTC());
    }

    DatabaseStaffTokens(StaffDatabase database, Lifetimes lifetimes, Clock clock) {
        this.jpa = database.jpa();
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Modified
    void modified(LoginConfig config) {
        lifetimes = Lifetimes.of(config);
    }

    @Override
    public StaffToken issue(Actor actor) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Lifetimes l = lifetimes;
        Instant now = clock.instant();
        StaffTokenEntity t = new StaffTokenEntity();
        t.tokenHash = hash(token);
        t.user = actor.name();
        t.departments = write(new TreeSet<>(actor.departments()));
        t.supervisor = actor.supervisor();
        t.issuedAt = now;
        t.lastUsedAt = now;
        t.expiresAt = now.plus(l.absolute());
        jpa.tx(em -> {
            em.createQuery("delete from StaffTokenEntity t where t.expiresAt <= :now or t.lastUsedAt <= :idle")
                    .setParameter("now", now).setParameter("idle", now.minus(l.idle())).executeUpdate();
            em.persist(t);
        });
        return new StaffToken(token, t.expiresAt, l.idle(), actor);
    }

    @Override
    public Optional<Actor> actor(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Lifetimes l = lifetimes;
        return jpa.txExpr(em -> {
            StaffTokenEntity t = em.find(StaffTokenEntity.class, hash);
            if (t == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (!t.expiresAt.isAfter(now) || !t.lastUsedAt.plus(l.idle()).isAfter(now)) {
                em.remove(t);
                return Optional.empty();
            }
            if (!t.lastUsedAt.plus(TOUCH_EVERY).isAfter(now)) {
                t.lastUsedAt = now;
            }
            Set<String> departments = read(t.departments);
            return Optional.of(new Actor(t.user, departments, t.supervisor));
        });
    }

    @Override
    public boolean revoke(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        String hash = hash(token);
        Instant now = clock.instant();
        Duration idle = lifetimes.idle();
        return jpa.txExpr(em -> {
            StaffTokenEntity t = em.find(StaffTokenEntity.class, hash);
            if (t == null) {
                return false;
            }
            em.remove(t);
            return t.expiresAt.isAfter(now) && t.lastUsedAt.plus(idle).isAfter(now);
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static final ObjectMapper JSON = Json.stored();
    private static final TypeReference<Set<String>> STRING_SET = new TypeReference<>() { };

    private static String write(Set<String> departments) {
        try {
            return JSON.writeValueAsString(departments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> read(String departments) {
        try {
            return JSON.readValue(departments, STRING_SET);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
