package org.tanghulu.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GroupLookupTest {

    private final FakeRegistry registry = new FakeRegistry(List.of(), List.of(
            FakeRegistry.group("enterprise-establishment", List.of(), List.of("department 'psb' is not installed")),
            FakeRegistry.group("fishing", List.of("matter 'x/y' appears twice"), List.of("department 'x' is not installed")),
            FakeRegistry.group("restaurant", List.of(), List.of())));

    @Test
    void anAnswerIsPassedOn() {
        assertEquals("chart", GroupLookup.require(Optional.of("chart"), "nope", registry));
    }

    @Test
    void unknownGroupListsTheKnownOnes() {
        assertEquals("No function group 'nope'. Known: enterprise-establishment, fishing, restaurant", message("nope"));
    }

    @Test
    void unknownGroupWithNoneKnown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupLookup.require(Optional.empty(), "nope", new FakeRegistry(List.of(), List.of())));
        assertEquals("No function group 'nope'. Known: -", e.getMessage());
    }

    @Test
    void unavailableGroupNamesWhatIsMissing() {
        assertEquals("Function group 'enterprise-establishment' is not available now: department 'psb' is not installed",
                message("enterprise-establishment"));
    }

    @Test
    void refusedGroupNamesItsProblemsFirst() {
        assertEquals("Function group 'fishing' is refused: matter 'x/y' appears twice", message("fishing"));
    }

    @Test
    void availableGroupWithoutChartPointsToTheLog() {
        assertEquals("Function group 'restaurant' cannot be charted now; the reason is in data/log/karaf.log.",
                message("restaurant"));
    }

    private String message(String group) {
        return assertThrows(IllegalArgumentException.class,
                () -> GroupLookup.require(Optional.empty(), group, registry)).getMessage();
    }
}
