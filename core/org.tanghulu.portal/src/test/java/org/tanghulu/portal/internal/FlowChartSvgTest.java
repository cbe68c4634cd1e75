package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

class FlowChartSvgTest {

    static final FlowChartSvg.Labels LABELS = new FlowChartSvg.Labels("Flow", "Step {0}", "{0} days",
            "Total {0} promised, {1} statutory");

    static Block block(String dept, String matter, int step, List<MatterKey> after, String name) {
        return new Block(new MatterKey(dept, matter), new LocalizedText(name, name + "-en"), dept,
                new LocalizedText(dept + "局", dept + " bureau"), step, after, List.of(), List.of(), 20, 5 + step);
    }

    static int count(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }

    /** A same-day matter (即办) says so, in the portal's own words, instead of "0 working days". */
    @Test
    void aSameDayMatterIsLabelledSo() throws Exception {
        String days = PortalTextsTest.load("messages.properties").getProperty("portal.chart.days");
        Block sameDay = new Block(new MatterKey("epb", "discharge"), new LocalizedText("排污申报", null), "epb",
                new LocalizedText("环保局", null), 1, List.of(), List.of(), List.of(), 20, 0);
        FlowChart chart = new FlowChart("g", 1, new LocalizedText("排污", null), List.of(new FlowChart.Step(1,
                List.of(sameDay, block("aic", "name", 1, List.of(), "名称核准")))), List.of(sameDay.matter()), 0, 20, 6, 40);
        String svg = FlowChartSvg.render(chart, LocalizedText::zh, new FlowChartSvg.Labels("Flow", "Step {0}", days, "{0} {1}"));
        assertTrue(svg.contains(">当日办结（即办）<"), svg);
        assertTrue(svg.contains(">承诺 6 个工作日<"), svg);
    }

    /** Three blocks in two steps: a → c and b → c give three boxes and two arrows, left to right. */
    @Test
    void boxesForBlocksArrowsForDependencies() {
        MatterKey a = new MatterKey("aic", "name");
        MatterKey b = new MatterKey("tax", "reg");
        FlowChart chart = new FlowChart("g", 1, new LocalizedText("设立", "Set up"), List.of(
                new FlowChart.Step(1, List.of(block("aic", "name", 1, List.of(), "名称核准"),
                        block("tax", "reg", 1, List.of(), "税务登记"))),
                new FlowChart.Step(2, List.of(block("qts", "seal", 2, List.of(a, b), "刻章")))),
                List.of(a, new MatterKey("qts", "seal")), 13, 40, 19, 60);
        String svg = FlowChartSvg.render(chart, LocalizedText::zh, LABELS);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertTrue(svg.contains("role=\"img\""));
        assertTrue(svg.contains("<title id=\"flowchart-title\">Flow · 设立</title>"));
        assertEquals(3, count(svg, "<g class=\"block\""));
        assertEquals(3, count(svg, "<rect "));
        assertEquals(2, count(svg, "<line class=\"arrow\""));
        assertTrue(svg.contains("Step 1") && svg.contains("Step 2"));
        assertTrue(svg.contains("Total 13 promised, 40 statutory"));
        assertTrue(svg.contains(">名称核准<") && svg.contains(">aic局<") && svg.contains(">7 days<"));
        // the arrows go right: from the end of step 1's column to the start of step 2's
        assertTrue(svg.contains("x1=\"" + (FlowChartSvg.MARGIN + FlowChartSvg.BOX_WIDTH) + "\""));
        assertTrue(svg.contains("x2=\"" + (FlowChartSvg.MARGIN + FlowChartSvg.BOX_WIDTH + FlowChartSvg.COLUMN_GAP - 2)
                + "\""));
    }

    /** a → b → c and a → c: the implied a → c is not drawn. */
    @Test
    void impliedDependenciesAreNotDrawn() {
        MatterKey a = new MatterKey("d", "a");
        MatterKey b = new MatterKey("d", "b");
        FlowChart chart = new FlowChart("g", 1, new LocalizedText("g", null), List.of(
                new FlowChart.Step(1, List.of(block("d", "a", 1, List.of(), "A"))),
                new FlowChart.Step(2, List.of(block("d", "b", 2, List.of(a), "B"))),
                new FlowChart.Step(3, List.of(block("d", "c", 3, List.of(a, b), "C")))), List.of(), 1, 1, 1, 1);
        assertEquals(java.util.Set.of(b), FlowChartSvg.direct(chart).get(new MatterKey("d", "c")));
        assertEquals(2, count(FlowChartSvg.render(chart, LocalizedText::zh, LABELS), "<line class=\"arrow\""));
    }

    @Test
    void namesAreEscaped() {
        FlowChart chart = new FlowChart("g", 1, new LocalizedText("<b>\"x\"", null), List.of(
                new FlowChart.Step(1, List.of(block("d", "m", 1, List.of(), "A&B <script>")))), List.of(), 6, 20, 6, 20);
        String svg = FlowChartSvg.render(chart, LocalizedText::zh, LABELS);
        assertFalse(svg.contains("<script>"));
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("A&amp;B &lt;script&gt;"));
        assertTrue(svg.contains("&lt;b&gt;&quot;x&quot;"));
    }

    @Test
    void longNamesWrapAndAreCut() {
        assertEquals(List.of("短名"), FlowChartSvg.wrap("短名", 2));
        List<String> lines = FlowChartSvg.wrap("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五", 2);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith("…"));
    }
}
