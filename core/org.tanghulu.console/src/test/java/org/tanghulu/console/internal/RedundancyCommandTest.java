package org.tanghulu.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.RedundancyReport.ElementUse;

class RedundancyCommandTest {

    private final RedundancyReport report = new RedundancyReport("enterprise-establishment", 3, 29, 678, 11, 423, 12,
            List.of(), List.of(use("name", 5), use("phone", 1), use("address", 7), use("capital", 2)));

    @Test
    void summaryGivesBeforeAfterAndReductions() {
        assertEquals(List.of("enterprise-establishment v3",
                "Before: 29 forms, 678 items",
                "After:  11 sections, 423 items to type, 12 filled from earlier steps",
                "Saved:  62% fewer forms, 38% fewer items to type"), RedundancyCommand.summary(report));
    }

    @Test
    void repeatedElementsMostRepeatedFirst() {
        assertEquals(List.of("address", "name", "capital"),
                RedundancyCommand.repeated(report).stream().map(ElementUse::element).toList());
    }

    private static ElementUse use(String element, int times) {
        return new ElementUse(element, new LocalizedText(element, null), times, List.of("aic"), List.of(), false);
    }
}
