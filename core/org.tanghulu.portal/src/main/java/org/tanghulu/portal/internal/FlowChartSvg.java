package org.tanghulu.portal.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

/**
 * Draws a {@link FlowChart} as an inline SVG picture, server-side: one column per step, left to right,
 * one box per block (matter, department, promised days), an arrow from every block to each block of
 * the chart that depends on it directly (not through another block), and the totals in a caption under the picture. The picture has
 * {@code role="img"}, a {@code <title>} and a {@code <desc>}; the page adds a text table for screen
 * readers. Every text is escaped. No style attributes or inline CSS (the pages' CSP forbids them):
 * colours are presentation attributes.
 */
final class FlowChartSvg {

    /** The words around the data, in the visitor's language. */
    record Labels(String title, String step, String days, String caption) {
    }

    static final int BOX_WIDTH = 210;
    static final int BOX_HEIGHT = 96;
    static final int COLUMN_GAP = 60;
    static final int ROW_GAP = 18;
    static final int TOP = 34;
    static final int MARGIN = 10;
    private static final double LINE_UNITS = 15;

    private FlowChartSvg() {
    }

    /**
     * @param chart the chart
     * @param pick the text in the visitor's language
     * @param labels {@code step} has {@code {0}} for the step number, {@code days} {@code {0}} for the days,
     *        {@code caption} {@code {0}} promised and {@code {1}} statutory total days
     * @return the {@code <svg>} element
     */
    static String render(FlowChart chart, Function<LocalizedText, String> pick, Labels labels) {
        int rows = chart.steps().stream().mapToInt(s -> s.blocks().size()).max().orElse(1);
        int width = 2 * MARGIN + chart.steps().size() * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP;
        int height = TOP + rows * (BOX_HEIGHT + ROW_GAP) + 30;
        String caption = format(labels.caption(), chart.promisedDays(), chart.statutoryDays());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" aria-labelledby=\"flowchart-title flowchart-desc\">")
                .append("<title id=\"flowchart-title\">").append(escape(labels.title() + " · " + pick.apply(chart.name())))
                .append("</title><desc id=\"flowchart-desc\">").append(escape(caption)).append("</desc>")
                .append("<defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
                .append(" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>");
        Map<MatterKey, int[]> where = new HashMap<>();
        for (int s = 0; s < chart.steps().size(); s++) {
            FlowChart.Step step = chart.steps().get(s);
            int x = MARGIN + s * (BOX_WIDTH + COLUMN_GAP);
            svg.append("<text class=\"step\" x=\"").append(x + BOX_WIDTH / 2).append("\" y=\"20\" text-anchor=\"middle\"")
                    .append(" font-weight=\"700\" fill=\"#1f2328\">").append(escape(format(labels.step(), step.number())))
                    .append("</text>");
            for (int r = 0; r < step.blocks().size(); r++) {
                where.put(step.blocks().get(r).matter(), new int[] { x, TOP + r * (BOX_HEIGHT + ROW_GAP) });
            }
        }
        Map<MatterKey, Set<MatterKey>> direct = direct(chart);
        for (Block b : chart.blocks()) {
            int[] to = where.get(b.matter());
            for (MatterKey before : direct.get(b.matter())) {
                int[] from = where.get(before);
                if (from != null) {
                    svg.append("<line class=\"arrow\" x1=\"").append(from[0] + BOX_WIDTH).append("\" y1=\"")
                            .append(from[1] + BOX_HEIGHT / 2).append("\" x2=\"").append(to[0] - 2).append("\" y2=\"")
                            .append(to[1] + BOX_HEIGHT / 2).append("\" stroke=\"#57606a\" stroke-width=\"1.5\"")
                            .append(" marker-end=\"url(#arrowhead)\"/>");
                }
            }
        }
        boolean critical;
        for (Block b : chart.blocks()) {
            int[] at = where.get(b.matter());
            critical = chart.criticalPath().contains(b.matter());
            svg.append("<g class=\"block\" data-matter=\"").append(escape(b.matter().toString())).append("\">")
                    .append("<rect x=\"").append(at[0]).append("\" y=\"").append(at[1]).append("\" width=\"")
                    .append(BOX_WIDTH).append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"#ffffff\"")
                    .append(" stroke=\"").append(critical ? "#a4161a" : "#8c959f").append("\" stroke-width=\"")
                    .append(critical ? 2.5 : 1.5).append("\"/>");
            int y = at[1] + 20;
            for (String line : wrap(pick.apply(b.name()), 2)) {
                text(svg, at[0] + 8, y, "700", "#1f2328", line);
                y += 18;
            }
            for (String line : wrap(pick.apply(b.departmentName()), 1)) {
                text(svg, at[0] + 8, y, "400", "#57606a", line);
                y += 18;
            }
            text(svg, at[0] + 8, at[1] + BOX_HEIGHT - 10, "400", "#116329", format(labels.days(), b.promisedDays()));
            svg.append("</g>");
        }
        svg.append("<text class=\"caption\" x=\"").append(MARGIN).append("\" y=\"").append(height - 8)
                .append("\" fill=\"#1f2328\">").append(escape(caption)).append("</text></svg>");
        return svg.toString();
    }

    /**
     * @return each block's dependencies without those implied by others (a → b → c makes a → c
     *         implied), so that the picture shows the order of work without crossing lines
     */
    static Map<MatterKey, Set<MatterKey>> direct(FlowChart chart) {
        Map<MatterKey, Set<MatterKey>> before = new HashMap<>();
        chart.blocks().forEach(b -> before.put(b.matter(), new LinkedHashSet<>(b.dependsOn())));
        Map<MatterKey, Set<MatterKey>> direct = new HashMap<>();
        for (Block b : chart.blocks()) {
            Set<MatterKey> keep = new LinkedHashSet<>(b.dependsOn());
            for (MatterKey d : b.dependsOn()) {
                keep.removeAll(ancestors(d, before, new HashSet<>()));
            }
            direct.put(b.matter(), keep);
        }
        return direct;
    }

    private static Set<MatterKey> ancestors(MatterKey of, Map<MatterKey, Set<MatterKey>> before, Set<MatterKey> seen) {
        for (MatterKey d : before.getOrDefault(of, Set.of())) {
            if (seen.add(d)) {
                ancestors(d, before, seen);
            }
        }
        return seen;
    }

    private static void text(StringBuilder svg, int x, int y, String weight, String fill, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"13\" font-weight=\"")
                .append(weight).append("\" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>");
    }

    /** Breaks a text into at most {@code max} lines that fit a box, the last one cut with an ellipsis. */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            double w = c < 0x2E80 ? 0.55 : 1;
            if (units + w > LINE_UNITS) {
                if (lines.size() == max - 1) {
                    line.setLength(Math.max(0, line.length() - 1));
                    lines.add(line.append('…').toString());
                    return lines;
                }
                lines.add(line.toString());
                line.setLength(0);
                units = 0;
            }
            line.append(c);
            units += w;
        }
        lines.add(line.toString());
        return lines;
    }

    private static String format(String pattern, Object... args) {
        return new java.text.MessageFormat(pattern, java.util.Locale.ROOT).format(args);
    }

    /** @return the text with {@code & < > " '} escaped for XML */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
