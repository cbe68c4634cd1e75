package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NeedsTest {

    @Test
    void theShippedMappingPutsEnterpriseEstablishmentUnderStartingABusiness() {
        Needs needs = Needs.load();
        assertEquals("business-start", needs.of("enterprise-establishment"));
        assertEquals(Needs.OTHER, needs.of("no-such-group"));
    }

    @Test
    void blankOrMissingMeansOther() {
        Needs needs = Needs.load(new ByteArrayInputStream("a=\nb= housing \n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Needs.OTHER, needs.of("a"));
        assertEquals("housing", needs.of("b"));
        assertEquals(Needs.OTHER, Needs.load(null).of("b"));
    }
}
