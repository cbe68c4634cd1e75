package org.tanghulu.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.exchange.BaseRegistry;
import org.tanghulu.exchange.Lookups;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link Lookups} through the departments' systems ({@code lookups} by {@link SystemQueries}): the consent is
 * committed first, the registry asked after, the outcome recorded last. The answer is
 * {@code {"found":true,"values":{…}}} or {@code {"found":false,"reason":"…"}}.
 */
@Component(service = Lookups.class)
public class RegistryLookups implements Lookups {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryLookups.class);
    private static final Pattern PERSON = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern ENTITY = Pattern.compile("[0-9A-Z-]{8,30}");

    private final JpaTemplate jpa;
    private final Adapters adapters;
    private final SystemQueries systems;

    @Activate
    public RegistryLookups(@Reference ExchangeDatabase database, @Reference Adapters adapters, @Reference SystemQueries systems) {
        this.jpa = database.jpa();
        this.adapters = adapters;
        this.systems = systems;
    }

    @Override
    public Set<BaseRegistry> available() {
        Set<BaseRegistry> available = EnumSet.noneOf(BaseRegistry.class);
        for (BaseRegistry r : BaseRegistry.values()) {
            if (department(r).isPresent()) {
                available.add(r);
            }
        }
        return available;
    }

    private Optional<String> department(BaseRegistry registry) {
        return adapters.answering(registry).stream().filter(systems::linked).findFirst();
    }

    @Override
    public Found lookup(BaseRegistry registry, String key, long account, String purpose) {
        String k = key == null ? "" : key.strip().toUpperCase(java.util.Locale.ROOT);
        if (!(registry == BaseRegistry.PERSONS ? PERSON : ENTITY).matcher(k).matches()) {
            throw new IllegalArgumentException(registry == BaseRegistry.PERSONS
                    ? "a resident identity-card number has 17 digits and a last digit or X"
                    : "a registration number or organization code has 8 to 30 letters, digits or '-'");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
            throw new IllegalArgumentException("say what the data is for (at most 200 characters)");
        }
        Instant now = Instant.now();
        Optional<String> department = department(registry);
        long today = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select count(c) from ConsentEntity c where c.account = :a and c.at > :since", Long.class)
                .setParameter("a", account).setParameter("since", now.minus(Duration.ofDays(1))).getSingleResult());
        String refused = today >= PER_DAY ? "at most " + PER_DAY + " lookups a day; try again tomorrow or type the data"
                : department.isEmpty() ? "the " + registry + " registry cannot be asked now; type the data" : null;
        long id = record(now, account, registry, department.orElse(null), mask(k), purpose.strip(), refused == null ? "ASKED" : "REFUSED");
        if (refused != null) {
            return new Found(false, refused, null, Map.of());
        }
        Optional<SystemQueries.Answer> answer = systems.ask(department.get(), "lookups", Map.of("registry", registry.name(), "key", k));
        JsonNode root = answer.map(SystemQueries.Answer::body).orElse(null);
        Found found;
        if (root == null || !root.path("found").isBoolean()) {
            LOG.warn("Lookup {} in {} through {} failed: {}", id, registry, department.get(),
                    root == null ? answer.map(SystemQueries.Answer::failure).orElse("not linked") : "no boolean \"found\"");
            found = new Found(false, "the registry could not be reached; try again later or type the data", department.get(), Map.of());
        } else if (root.path("found").asBoolean()) {
            found = new Found(true, null, department.get(), SystemQueries.strings(root.path("values")));
        } else {
            String reason = root.path("reason").asText("").strip();
            found = new Found(false, reason.isEmpty() ? "not in the registry" : reason.length() > 300 ? reason.substring(0, 300) : reason,
                    department.get(), Map.of());
        }
        String outcome = found.found() ? "FOUND" : root == null || !root.path("found").isBoolean() ? "FAILED" : "NOT_FOUND";
        jpa.tx(TransactionType.Required, em -> em.find(ConsentEntity.class, id).outcome = outcome);
        return found;
    }

    private long record(Instant now, long account, BaseRegistry registry, String department, String maskedKey, String purpose,
            String outcome) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ConsentEntity c = new ConsentEntity();
            c.at = now;
            c.account = account;
            c.registry = registry;
            c.department = department;
            c.maskedKey = maskedKey;
            c.purpose = purpose;
            c.outcome = outcome;
            em.persist(c);
            return c.id;
        });
    }

    /** @return the key with all but its first 4 and last 2 characters starred */
    static String mask(String key) {
        return key.length() <= 6 ? "*".repeat(key.length()) : key.substring(0, 4) + "*".repeat(key.length() - 6)
                + key.substring(key.length() - 2);
    }

    @Override
    public List<Consent> consents(Long account, int max) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("select c from ConsentEntity c" + (account == null ? "" : " where c.account = :a")
                    + " order by c.id desc", ConsentEntity.class).setMaxResults(Math.max(1, max));
            if (account != null) {
                query.setParameter("a", account);
            }
            return query.getResultStream().map(c -> new Consent(c.id, c.at, c.account, c.registry, c.department, c.maskedKey,
                    c.purpose, c.outcome)).toList();
        });
    }
}
