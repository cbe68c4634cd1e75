package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.core.cases.ResultVerifier.Confirmation;

/** Held results confirmed by the simulator over real HTTP, and every way a confirmation is refused. */
class HeldResultVerifierTest {

    private static final MatterKey REGISTRATION = new MatterKey("stats", "registration");
    private static final String HOLDER = "110108199007223016";

    private DirectFixture fixture;
    private HeldResultVerifier verifier;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path held = dir.resolve("held.json");
        Files.writeString(held, """
                {"stats/registration": {"R-1": {"holders": ["%s"], "outputs": {"reg-no": "R-1"},
                                                "values": {"company-name": "北京某某科技有限公司"}}}}
                """.formatted(HOLDER), StandardCharsets.UTF_8);
        fixture = new DirectFixture(2000, 30, "--held", held.toString());
        fixture.adapters.addAdapter(new ExchangeAdapter() {
            @Override
            public ExchangeMode mode(String matter) {
                return ExchangeMode.DIRECT;
            }

            @Override
            public boolean verifies(String matter) {
                return matter.equals("registration");
            }
        }, Map.of("department.id", "stats"));
        verifier = new HeldResultVerifier(fixture.adapters, new SystemQueries(fixture.store, DirectFixture.config(2000, 30)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theSystemConfirmsTheHoldersNumberWithItsOutputsAndData() {
        Confirmation c = verifier.verify(REGISTRATION, "R-1", HOLDER);
        assertTrue(c.confirmed(), c.reason());
        assertEquals(Map.of("reg-no", "R-1"), c.outputs());
        assertEquals(Map.of("company-name", "北京某某科技有限公司"), c.values());
        assertEquals("R-1", fixture.system.received().get(0).path("reference").asText());
    }

    @Test
    void anUnknownNumberAnotherApplicantsNumberAndAMatterTheSystemDoesNotConfirmAreRefusedWithTheReason() {
        assertRefused(verifier.verify(REGISTRATION, "R-404", HOLDER), "no such registration number");
        assertRefused(verifier.verify(REGISTRATION, "R-1", "110105198503122018"), "issued to another applicant");
        assertRefused(verifier.verify(new MatterKey("stats", "other"), "R-1", HOLDER), "cannot be confirmed by the department's system");
        assertRefused(verifier.verify(new MatterKey("qts", "registration"), "R-1", HOLDER), "cannot be confirmed");
        assertEquals(2, fixture.system.received().size(), "only the matters the adapter confirms are asked");
    }

    @Test
    void aSystemThatIsDownFailingUnlinkedOrSignedForWithAnotherSecretConfirmsNothing() {
        fixture.system.failing(true);
        assertRefused(verifier.verify(REGISTRATION, "R-1", HOLDER), "could not be reached");
        fixture.system.failing(false).down(true);
        assertRefused(verifier.verify(REGISTRATION, "R-1", HOLDER), "could not be reached");
        fixture.system.down(false);
        fixture.sender.link("stats", "http://127.0.0.1:" + fixture.system.port() + "/stats", "another-secret-of-32-characters!!");
        assertRefused(verifier.verify(REGISTRATION, "R-1", HOLDER), "could not be reached");
        fixture.sender.unlink("stats");
        assertRefused(verifier.verify(REGISTRATION, "R-1", HOLDER), "has no system linked");
    }

    @Test
    void anAnswerThatCannotBeReadIsARefusalNeverAnError() {
        assertRefused(HeldResultVerifier.answer(REGISTRATION, SystemQueries.read(200, "not json".getBytes(StandardCharsets.UTF_8))), "could not be reached");
        assertRefused(HeldResultVerifier.answer(REGISTRATION, SystemQueries.read(200, "{\"confirmed\":\"yes\"}".getBytes(StandardCharsets.UTF_8))),
                "could not be reached");
        assertRefused(HeldResultVerifier.answer(REGISTRATION, SystemQueries.read(500, "{\"confirmed\":true}".getBytes(StandardCharsets.UTF_8))),
                "could not be reached");
        assertRefused(HeldResultVerifier.answer(REGISTRATION, SystemQueries.read(200, "{\"confirmed\":false}".getBytes(StandardCharsets.UTF_8))),
                "does not confirm it");
        Confirmation ok = HeldResultVerifier.answer(REGISTRATION, SystemQueries.read(200,
                "{\"confirmed\":true,\"outputs\":{\"reg-no\":\"R-2\",\"nested\":{}},\"values\":null}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of("reg-no", "R-2"), ok.outputs());
        assertEquals(Map.of(), ok.values());
    }

    private static void assertRefused(Confirmation c, String reason) {
        assertFalse(c.confirmed());
        assertTrue(c.reason().contains(reason), c.reason());
    }
}
