package org.tanghulu.desk.internal;

import java.util.List;
import java.util.Locale;

/**
 * Small horizontal bar charts as inline SVG, drawn on the server so that the pages need no script
 * and no inline styles (colours are SVG presentation attributes). Every chart is an image with a
 * title ({@code role="img"}, {@code aria-labelledby}); the page's table is its accessible alternative.
 * Bar lengths are proportional to the values, the longest bar (or stack) filling the plot width.
 */
final class BarChartSvg {

    /** One row of the chart: a label and one value per series. */
    record Row(String label, double... values) {
    }

    static final int WIDTH = 700;
    static final int LABEL_WIDTH = 210;
    /** Longer row labels are cut, with an ellipsis; the table beside the chart has them whole. */
    static final int MAX_LABEL = 14;
    static final int PLOT_WIDTH = 420;
    static final int BAR_HEIGHT = 14;
    private static final int GAP = 4;
    private static final int GROUP_GAP = 14;
    private static final int LEGEND_HEIGHT = 24;
    /** Colours of the series, distinguishable and AA-contrast on white. */
    private static final String[] COLOURS = { "#0b57d0", "#a4161a", "#7d4e00", "#116329", "#6f42c1", "#57606a" };
    /**
     * The five-level rating scale (好差评) from 1 (非常不满意) to 5 (非常满意): red through orange and amber
     * to green, each dark enough for white text (AA contrast).
     */
    static final String[] RATING_SCALE = { "#b3261e", "#a84300", "#7a6400", "#3f7d20", "#1a6b32" };

    private BarChartSvg() {
    }

    /**
     * Grouped bars: for each row one bar per series, side by side.
     *
     * @param id unique on the page, for the title's id
     * @param title what the chart shows, also its accessible name
     * @param series the series' names, for the legend
     * @param rows the groups, each with {@code series.size()} values
     */
    static String grouped(String id, String title, List<String> series, List<Row> rows) {
        double max = rows.stream().flatMapToDouble(r -> java.util.Arrays.stream(r.values())).max().orElse(0);
        int groupHeight = series.size() * (BAR_HEIGHT + GAP) - GAP;
        StringBuilder svg = start(id, title, LEGEND_HEIGHT + rows.size() * (groupHeight + GROUP_GAP), series, COLOURS);
        int y = LEGEND_HEIGHT;
        for (Row row : rows) {
            svg.append("<g class=\"group\" data-label=\"").append(escape(row.label())).append("\">");
            label(svg, row.label(), y + groupHeight / 2.0);
            for (int s = 0; s < row.values().length; s++) {
                double length = length(row.values()[s], max);
                int top = y + s * (BAR_HEIGHT + GAP);
                rect(svg, LABEL_WIDTH, top, length, COLOURS[s % COLOURS.length], series.get(s), row.values()[s]);
                svg.append("<text x=\"").append(number(LABEL_WIDTH + length + 4)).append("\" y=\"")
                        .append(number(top + BAR_HEIGHT - 3)).append("\" font-size=\"12\" fill=\"#1f2328\">")
                        .append(number(row.values()[s])).append("</text>");
            }
            svg.append("</g>");
            y += groupHeight + GROUP_GAP;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Stacked bars: for each row one bar whose segments are the series' values.
     *
     * @see #grouped(String, String, List, List)
     */
    static String stacked(String id, String title, List<String> series, List<Row> rows) {
        return stacked(id, title, series, rows, COLOURS);
    }

    /**
     * Stacked bars in the given colours, one per series; each segment wide enough carries its value as
     * text, so that colour is not the only cue.
     *
     * @see #grouped(String, String, List, List)
     */
    static String stacked(String id, String title, List<String> series, List<Row> rows, String[] colours) {
        double max = rows.stream().mapToDouble(r -> java.util.Arrays.stream(r.values()).sum()).max().orElse(0);
        StringBuilder svg = start(id, title, LEGEND_HEIGHT + rows.size() * (BAR_HEIGHT + GROUP_GAP), series, colours);
        int y = LEGEND_HEIGHT;
        for (Row row : rows) {
            svg.append("<g class=\"group\" data-label=\"").append(escape(row.label())).append("\">");
            label(svg, row.label(), y + BAR_HEIGHT / 2.0);
            double x = LABEL_WIDTH;
            for (int s = 0; s < row.values().length; s++) {
                double length = length(row.values()[s], max);
                if (length > 0) {
                    rect(svg, x, y, length, colours[s % colours.length], series.get(s), row.values()[s]);
                    if (length >= 16) {
                        svg.append("<text class=\"segment\" x=\"").append(number(x + length / 2)).append("\" y=\"")
                                .append(number(y + BAR_HEIGHT - 3)).append("\" text-anchor=\"middle\" font-size=\"11\"")
                                .append(" fill=\"#ffffff\">").append(number(row.values()[s])).append("</text>");
                    }
                }
                x += length;
            }
            svg.append("</g>");
            y += BAR_HEIGHT + GROUP_GAP;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder start(String id, String title, int height, List<String> series, String[] colours) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"").append(escape(id))
                .append("\" aria-labelledby=\"").append(escape(id)).append("-title\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\"><title id=\"").append(escape(id)).append("-title\">").append(escape(title))
                .append("</title>");
        int x = LABEL_WIDTH;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"")
                    .append(colours[s % colours.length]).append("\" class=\"legend\"/><text x=\"").append(x + 16)
                    .append("\" y=\"15\" font-size=\"12\" fill=\"#1f2328\">").append(escape(series.get(s)))
                    .append("</text>");
            x += 24 + 12 * Math.max(2, series.get(s).length());
        }
        return svg;
    }

    private static void label(StringBuilder svg, String label, double middle) {
        svg.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(number(middle + 4))
                .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#1f2328\">")
                .append(escape(label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label))
                .append("</text>");
    }

    private static void rect(StringBuilder svg, double x, int y, double length, String colour, String series,
            double value) {
        svg.append("<rect class=\"bar\" x=\"").append(number(x)).append("\" y=\"").append(y).append("\" width=\"")
                .append(number(length)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(colour)
                .append("\"><title>").append(escape(series)).append(": ").append(number(value))
                .append("</title></rect>");
    }

    /** @return the bar length of {@code value}, {@code max} filling the plot */
    static double length(double value, double max) {
        return max <= 0 || value <= 0 ? 0 : PLOT_WIDTH * value / max;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** @return the text safe inside XML element content and double-quoted attributes */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
