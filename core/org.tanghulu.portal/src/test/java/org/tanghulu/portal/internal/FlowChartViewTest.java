package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

class FlowChartViewTest {

    static final FlowChartView.Labels LABELS = new FlowChartView.Labels("Step {0}", "{0} days", "after {0}");

    static Block block(String dept, String matter, int step, List<MatterKey> after, String name) {
        return new Block(new MatterKey(dept, matter), new LocalizedText(name, name + "-en"), dept,
                new LocalizedText(dept + "局", dept + " bureau"), step, after, List.of(), List.of(), 20, 5 + step);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Map<String, Object> step) {
        return (List<Map<String, Object>>) step.get("blocks");
    }

    /** A same-day matter (即办) says so, in the portal's own words, instead of "0 working days". */
    @Test
    void aSameDayMatterIsLabelledSo() throws Exception {
        String days = PortalTextsTest.load("messages.properties").getProperty("portal.chart.days");
        Block sameDay = new Block(new MatterKey("epb", "discharge"), new LocalizedText("排污申报", null), "epb",
                new LocalizedText("环保局", null), 1, List.of(), List.of(), List.of(), 20, 0);
        FlowChart chart = new FlowChart("g", 1, new LocalizedText("排污", null), List.of(new FlowChart.Step(1,
                List.of(sameDay, block("aic", "name", 1, List.of(), "名称核准")))), List.of(sameDay.matter()), 0, 20, 6, 40);
        List<Map<String, Object>> blocks = blocks(FlowChartView.steps(chart, LocalizedText::zh,
                new FlowChartView.Labels("第 {0} 步", days, "{0}")).get(0));
        assertEquals("当日办结（即办）", blocks.get(0).get("days"));
        assertEquals("承诺 6 个工作日", blocks.get(1).get("days"));
    }

    /** Three blocks in two steps: each step a box with its blocks, in the visitor's language. */
    @Test
    void aBoxPerStepHoldingItsBlocks() {
        MatterKey a = new MatterKey("aic", "name");
        MatterKey b = new MatterKey("tax", "reg");
        FlowChart chart = new FlowChart("g", 1, new LocalizedText("设立", "Set up"), List.of(
                new FlowChart.Step(1, List.of(block("aic", "name", 1, List.of(), "名称核准"),
                        block("tax", "reg", 1, List.of(), "税务登记"))),
                new FlowChart.Step(2, List.of(block("qts", "seal", 2, List.of(a, b), "刻章")))),
                List.of(a, new MatterKey("qts", "seal")), 13, 40, 19, 60);
        List<Map<String, Object>> steps = FlowChartView.steps(chart, LocalizedText::en, LABELS);
        assertEquals(2, steps.size());
        assertEquals("Step 1", steps.get(0).get("label"));
        assertEquals(List.of("名称核准-en", "税务登记-en"), blocks(steps.get(0)).stream().map(m -> m.get("name")).toList());
        Map<String, Object> seal = blocks(steps.get(1)).get(0);
        assertEquals("aic bureau", blocks(steps.get(0)).get(0).get("department"));
        assertEquals("7 days", seal.get("days"));
        assertEquals(true, seal.get("critical"));
        assertEquals(false, blocks(steps.get(0)).get(1).get("critical"));
        assertEquals("aic/name tax/reg", seal.get("after"));
        assertEquals("", seal.get("afterText"), "it waits for the whole step before: the order says so");
    }

    /** a → b → c and a → c: the implied a → c is not shown; d waits for a only, which is said. */
    @Test
    void impliedDependenciesAreLeftOutAndPartialOnesSaid() {
        MatterKey a = new MatterKey("d", "a");
        MatterKey b = new MatterKey("d", "b");
        FlowChart chart = new FlowChart("g", 1, new LocalizedText("g", null), List.of(
                new FlowChart.Step(1, List.of(block("d", "a", 1, List.of(), "A"), block("d", "x", 1, List.of(), "X"))),
                new FlowChart.Step(2, List.of(block("d", "b", 2, List.of(a), "B"))),
                new FlowChart.Step(3, List.of(block("d", "c", 3, List.of(a, b), "C")))), List.of(), 1, 1, 1, 1);
        assertEquals(Set.of(b), FlowChartView.direct(chart).get(new MatterKey("d", "c")));
        List<Map<String, Object>> steps = FlowChartView.steps(chart, LocalizedText::zh, LABELS);
        assertEquals("after A", blocks(steps.get(1)).get(0).get("afterText"));
        assertEquals("d/b", blocks(steps.get(2)).get(0).get("after"));
        assertEquals("", blocks(steps.get(2)).get(0).get("afterText"));
    }
}
