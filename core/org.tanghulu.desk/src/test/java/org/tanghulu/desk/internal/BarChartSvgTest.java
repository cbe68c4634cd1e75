package org.tanghulu.desk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class BarChartSvgTest {

    private static final Pattern BAR = Pattern.compile("<rect class=\"bar\" x=\"([0-9.]+)\" y=\"\\d+\" width=\"([0-9.]+)\"");

    private static List<double[]> bars(String svg) {
        List<double[]> bars = new ArrayList<>();
        Matcher m = BAR.matcher(svg);
        while (m.find()) {
            bars.add(new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) });
        }
        return bars;
    }

    @Test
    void groupedBarsAreProportionalAndTheLongestFillsThePlot() {
        String svg = BarChartSvg.grouped("c", "Handling", List.of("handling", "limit"),
                List.of(new BarChartSvg.Row("aic", 2, 8), new BarChartSvg.Row("zgc", 4, 0)));
        List<double[]> bars = bars(svg);
        assertEquals(4, bars.size(), svg);
        assertEquals(BarChartSvg.PLOT_WIDTH / 4.0, bars.get(0)[1], 0.05);
        assertEquals(BarChartSvg.PLOT_WIDTH, bars.get(1)[1], 0.05);
        assertEquals(BarChartSvg.PLOT_WIDTH / 2.0, bars.get(2)[1], 0.05);
        assertEquals(0, bars.get(3)[1], 0.0);
        assertEquals(2, svg.split("<g class=\"group\"", -1).length - 1, "one group per row");
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertTrue(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"c-title\"")
                && svg.contains("<title id=\"c-title\">Handling</title>"), svg);
    }

    @Test
    void stackedSegmentsFollowEachOtherAndScaleByTheLargestTotal() {
        String svg = BarChartSvg.stacked("r", "Ratings", List.of("1", "2", "3", "4", "5"),
                List.of(new BarChartSvg.Row("aic", 1, 0, 0, 1, 2), new BarChartSvg.Row("zgc", 0, 0, 0, 0, 2)));
        List<double[]> bars = bars(svg);
        assertEquals(4, bars.size(), "zero counts draw nothing: " + svg);
        assertEquals(BarChartSvg.PLOT_WIDTH / 4.0, bars.get(0)[1], 0.05);
        assertEquals(bars.get(0)[0] + bars.get(0)[1], bars.get(1)[0], 0.05, "the next segment starts where one ends");
        assertEquals(BarChartSvg.PLOT_WIDTH, bars.get(0)[1] + bars.get(1)[1] + bars.get(2)[1], 0.1);
        assertEquals(BarChartSvg.PLOT_WIDTH / 2.0, bars.get(3)[1], 0.05);
    }

    @Test
    void ratingsAreColouredOnTheFiveLevelScaleWithTheirCountsAsText() {
        String svg = BarChartSvg.stacked("r", "Ratings", List.of("very bad", "bad", "fair", "good", "very good"),
                List.of(new BarChartSvg.Row("aic", 3, 0, 1, 0, 4)), BarChartSvg.RATING_SCALE);
        List<String> legend = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fill=\"(#[0-9a-f]{6})\" class=\"legend\"").matcher(svg);
        while (m.find()) {
            legend.add(m.group(1));
        }
        assertEquals(List.of("#b3261e", "#a84300", "#7a6400", "#3f7d20", "#1a6b32"), legend, "red (1) to green (5)");
        assertTrue(svg.contains("fill=\"#b3261e\"><title>very bad: 3</title>"), svg);
        assertTrue(svg.contains("fill=\"#1a6b32\"><title>very good: 4</title>"), svg);
        assertTrue(svg.contains("class=\"segment\"") && svg.contains(">4</text>"), "wide segments carry their count: " + svg);
        for (String level : List.of("very bad", "bad", "fair", "good", "very good")) {
            assertTrue(svg.contains(">" + level + "</text>"), "the legend names the level: " + level);
        }
    }

    @Test
    void longLabelsAreCutButKeptWholeInTheData() {
        String name = "北京市工商行政管理局海淀分局分局";
        String svg = BarChartSvg.grouped("l", "t", List.of("a"), List.of(new BarChartSvg.Row(name, 1)));
        assertTrue(svg.contains(">" + name.substring(0, BarChartSvg.MAX_LABEL - 1) + "…</text>"), svg);
        assertTrue(svg.contains("data-label=\"" + name + "\""), svg);
    }

    @Test
    void nothingToDrawWhenEveryValueIsZero() {
        String svg = BarChartSvg.grouped("z", "t", List.of("a"), List.of(new BarChartSvg.Row("x", 0)));
        assertEquals(0.0, bars(svg).get(0)[1]);
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
    }

    @Test
    void labelsAndTitlesAreEscaped() {
        String svg = BarChartSvg.grouped("e", "<b>&\"title\"", List.of("s<1>"),
                List.of(new BarChartSvg.Row("<script>alert('x')</script>", 1)));
        assertFalse(svg.contains("<script>") || svg.contains("<b>") || svg.contains("s<1>"), svg);
        assertTrue(svg.contains("data-label=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""), svg);
        assertTrue(svg.contains("&lt;b&gt;&amp;&quot;title&quot;"), svg);
    }
}
