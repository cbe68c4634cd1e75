package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanghulu.api.exchange.BaseRegistry;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.exchange.Lookups;

/** Base-registry lookups through the simulator over real HTTP: the consent recorded first, the key masked, a day's limit. */
class RegistryLookupsTest {

    private static final String PERSON = "110108199007223016";

    private DirectFixture fixture;
    private RegistryLookups lookups;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path registry = dir.resolve("registry.json");
        Files.writeString(registry, "{\"stats/PERSONS\": {\"" + PERSON + "\": {\"name\": \"王强\", \"gender\": \"男\"}}}",
                StandardCharsets.UTF_8);
        fixture = new DirectFixture(2000, 30, "--registry", registry.toString());
        fixture.adapters.addAdapter(new ExchangeAdapter() {
            @Override
            public ExchangeMode mode(String matter) {
                return ExchangeMode.DIRECT;
            }

            @Override
            public Set<BaseRegistry> registries() {
                return Set.of(BaseRegistry.PERSONS);
            }
        }, Map.of("department.id", "stats"));
        lookups = new RegistryLookups(fixture.db.database, fixture.adapters, new SystemQueries(fixture.store, DirectFixture.config(2000, 30)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPersonIsFoundWithTheConsentRecordedAndTheKeyMasked() {
        assertEquals(Set.of(BaseRegistry.PERSONS), lookups.available());
        Lookups.Found found = lookups.lookup(BaseRegistry.PERSONS, PERSON, 7, "企业设立申请表");
        assertTrue(found.found(), found.reason());
        assertEquals(Map.of("name", "王强", "gender", "男"), found.values());
        assertEquals("stats", found.department());
        Lookups.Found none = lookups.lookup(BaseRegistry.PERSONS, "11010519850312201X", 7, "企业设立申请表");
        assertFalse(none.found());
        assertTrue(none.reason().contains("not in the registry"), none.reason());

        List<Lookups.Consent> consents = lookups.consents(7L, 10);
        assertEquals(List.of("NOT_FOUND", "FOUND"), consents.stream().map(Lookups.Consent::outcome).toList());
        assertEquals("1101************16", consents.get(1).key());
        assertEquals("企业设立申请表", consents.get(1).purpose());
        assertTrue(lookups.consents(8L, 10).isEmpty(), "another applicant's are not theirs");
    }

    @Test
    void aMalformedKeyOrNoPurposeIsRefusedAndRecordsNothing() {
        assertThrows(IllegalArgumentException.class, () -> lookups.lookup(BaseRegistry.PERSONS, "12345", 7, "x"));
        assertThrows(IllegalArgumentException.class, () -> lookups.lookup(BaseRegistry.PERSONS, PERSON, 7, " "));
        assertThrows(IllegalArgumentException.class, () -> lookups.lookup(BaseRegistry.LEGAL_ENTITIES, "a\u0000b", 7, "x"));
        assertTrue(lookups.consents(null, 10).isEmpty());
        assertEquals(0, fixture.system.received().size());
    }

    @Test
    void aRegistryNobodyAnswersOrASystemThatFailsGivesNothingAndADayHasItsLimit() {
        Lookups.Found entities = lookups.lookup(BaseRegistry.LEGAL_ENTITIES, "110108000123456", 7, "x");
        assertFalse(entities.found());
        assertTrue(entities.reason().contains("cannot be asked now"), entities.reason());
        fixture.system.failing(true);
        Lookups.Found failed = lookups.lookup(BaseRegistry.PERSONS, PERSON, 7, "x");
        assertTrue(failed.reason().contains("could not be reached"), failed.reason());
        fixture.system.failing(false);
        assertEquals(List.of("FAILED", "REFUSED"), lookups.consents(7L, 10).stream().map(Lookups.Consent::outcome).toList());
        for (int i = 2; i < Lookups.PER_DAY; i++) {
            assertTrue(lookups.lookup(BaseRegistry.PERSONS, PERSON, 7, "x").found());
        }
        Lookups.Found limited = lookups.lookup(BaseRegistry.PERSONS, PERSON, 7, "x");
        assertFalse(limited.found());
        assertTrue(limited.reason().contains("at most " + Lookups.PER_DAY), limited.reason());
        assertTrue(lookups.lookup(BaseRegistry.PERSONS, PERSON, 8, "x").found(), "the limit is each applicant's");
    }
}
