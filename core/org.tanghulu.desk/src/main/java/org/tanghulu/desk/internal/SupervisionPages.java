package org.tanghulu.desk.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.web.Exchange;

/**
 * Supervision, for supervisors only: the statistics with their two charts ({@code /supervision}) and a
 * case read-only ({@code /cases/{tn}}). A department's work list is {@link WorkListPages#department}.
 */
final class SupervisionPages {

    private final Cases cases;
    private final CaseData data;
    private final Clock clock;

    SupervisionPages(Cases cases, CaseData data, Clock clock) {
        this.cases = cases;
        this.data = data;
        this.clock = clock;
    }

    /** {@code GET /supervision}. */
    void statistics(Exchange x) throws IOException {
        Actor actor = DeskServlet.supervisor(x);
        List<DepartmentStatistics> stats = cases.statistics(actor, LocalDate.now(clock));
        List<BarChartSvg.Row> handling = new ArrayList<>();
        List<BarChartSvg.Row> ratings = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DepartmentStatistics s : stats) {
            String name = x.texts().pick(s.name());
            handling.add(new BarChartSvg.Row(name, round(s.averageHandlingDays()), round(s.averagePromisedDays())));
            ratings.add(new BarChartSvg.Row(name, s.ratingCounts().stream().mapToDouble(Long::doubleValue).toArray()));
            int level = (int) Math.round(s.averageRating());
            rows.add(Map.of("s", s, "name", name, "handling", format(s.averageHandlingDays()), "promised",
                    format(s.averagePromisedDays()), "rating", format(s.averageRating()), "level",
                    s.ratings() > 0 && level >= 1 && level <= 5 ? level : 0));
        }
        List<String> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(x.texts().get("desk.rating." + level));
        }
        x.render("supervision.ftlh", Map.of("rows", rows, "rated", stats.stream().anyMatch(s -> s.ratings() > 0),
                "handlingChart", BarChartSvg.grouped("handling-chart", x.texts().get("desk.supervision.handlingChart"),
                        List.of(x.texts().get("desk.supervision.handling"), x.texts().get("desk.supervision.promised")),
                        handling),
                "ratingChart", BarChartSvg.stacked("rating-chart", x.texts().get("desk.supervision.ratingChart"), levels,
                        ratings, BarChartSvg.RATING_SCALE)));
    }

    /** {@code GET /cases/{tn}}: the case with its tasks, data, materials and full timeline. */
    void casePage(Exchange x) throws IOException {
        Actor actor = DeskServlet.supervisor(x);
        String trackingNumber = x.pathParam("tn");
        CaseView view = cases.staffView(trackingNumber, actor);
        CaseData.Labels labels = data.labels(view);
        x.render("case.ftlh", Map.of("view", view, "data", data.data(x, view, labels),
                "materials", data.materials(x, view, labels), "waits", data.waits(x, view), "events", data.events(x, trackingNumber, actor),
                "dossier", data.dossier(x, trackingNumber, actor)));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
