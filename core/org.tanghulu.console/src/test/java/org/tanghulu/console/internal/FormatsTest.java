package org.tanghulu.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;

class FormatsTest {

    @Test
    void reductionIsWholePercentRoundedHalfUp() {
        assertEquals("62%", Formats.reduction(29, 11));
        assertEquals("38%", Formats.reduction(678, 423));
        assertEquals("50%", Formats.reduction(2, 1));
        assertEquals("0%", Formats.reduction(5, 5));
        assertEquals("100%", Formats.reduction(3, 0));
    }

    @Test
    void reductionOfNothingIsADash() {
        assertEquals("-", Formats.reduction(0, 0));
    }

    @Test
    void growthShowsAsNegativeReduction() {
        assertEquals("-50%", Formats.reduction(2, 3));
    }

    @Test
    void timesAreBeijingTime() {
        assertEquals("2024-05-06 08:00:00", Formats.time(Instant.parse("2024-05-06T00:00:00Z")));
        assertEquals("-", Formats.time(null));
    }

    @Test
    void departmentIsNamedWhilePresentElseById() {
        FakeRegistry registry = new FakeRegistry(List.of(FakeRegistry.department("aic", "市场监督管理局")), List.of());
        assertEquals("市场监督管理局", Formats.department(registry, "aic"));
        assertEquals("psb", Formats.department(registry, "psb"));
    }

    @Test
    void openTaskOfAnAbsentDepartmentIsMarked() {
        assertEquals("READY (department absent)", Formats.state(task(TaskState.READY, false, false)));
        assertEquals("READY", Formats.state(task(TaskState.READY, true, false)));
        assertEquals("APPROVED", Formats.state(task(TaskState.APPROVED, false, false)));
    }

    @Test
    void overdueMarker() {
        assertEquals("OVERDUE", Formats.overdue(task(TaskState.CLAIMED, true, true)));
        assertEquals("", Formats.overdue(task(TaskState.CLAIMED, true, false)));
    }

    static TaskView task(TaskState state, boolean present, boolean overdue) {
        return new TaskView(7, "TH1", new MatterKey("aic", "licence"), new LocalizedText("营业执照", null), state, null,
                Instant.EPOCH, LocalDate.of(2024, 5, 10), LocalDate.of(2024, 5, 30), 0, overdue, null, List.of(),
                Map.of(), present);
    }
}
