package org.tanghulu.desk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.web.Exchange;

/**
 * The four tables ({@link FourTables}) on the desk: {@code /tables} lists what the actor may see (an officer his
 * departments, a supervisor every department and function group); {@code /tables/departments/{id}/{table}} and
 * {@code /tables/groups/{id}/{table}} show one table, and with {@code .csv} or {@code .xlsx} after the table's
 * name download it.
 */
final class TablePages {

    private static final List<String> FORMATS = List.of("csv", "xlsx");

    private final Registry registry;
    private final DepartmentGateway gateway;

    TablePages(Registry registry, DepartmentGateway gateway) {
        this.registry = registry;
        this.gateway = gateway;
    }

    /** {@code GET /tables}. */
    void index(Exchange x) throws IOException {
        Actor actor = DeskServlet.actor(x);
        Map<String, DepartmentDefinition> active = gateway.active();
        List<Map<String, Object>> departments = new ArrayList<>();
        active.values().stream().filter(d -> actor.supervisor() || actor.departments().contains(d.id()))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(d -> departments.add(Map.of("id", d.id(), "name", x.texts().pick(d.name()))));
        List<Map<String, Object>> groups = new ArrayList<>();
        if (actor.supervisor()) {
            clearGroups().forEach(g -> groups.add(Map.of("id", g.id(), "name", x.texts().pick(g.name()))));
        }
        x.render("tables.ftlh", Map.of("departments", departments, "groups", groups, "kinds", slugs()));
    }

    /** {@code GET /tables/departments/{id}/{table}}: an officer of the department, or a supervisor. */
    void department(Exchange x) throws IOException {
        Actor actor = DeskServlet.actor(x);
        String id = x.pathParam("id");
        Map<String, DepartmentDefinition> active = gateway.active();
        DepartmentDefinition department = active.get(id);
        if (department == null) {
            x.error(404, "desk.tables.noDepartment", id);
        } else if (!actor.supervisor() && !actor.departments().contains(id)) {
            x.error(403, "desk.tables.notYours", id);
        } else {
            answer(x, active, new FourTables.Scope(false, id), x.texts().pick(department.name()));
        }
    }

    /** {@code GET /tables/groups/{id}/{table}}: supervisors only. */
    void group(Exchange x) throws IOException {
        String id = x.pathParam("id");
        Optional<FunctionGroup> group = clearGroups().stream().filter(g -> g.id().equals(id)).findFirst();
        if (!DeskServlet.actor(x).supervisor()) {
            x.error(403, "desk.tables.groupsForSupervisors");
        } else if (group.isEmpty()) {
            x.error(404, "desk.tables.noGroup", id);
        } else {
            answer(x, gateway.active(), new FourTables.Scope(true, id), x.texts().pick(group.get().name()));
        }
    }

    /** Shows or downloads the table named by the last segment of the path ({@code matter-scope[.csv|.xlsx]}). */
    private void answer(Exchange x, Map<String, DepartmentDefinition> active, FourTables.Scope scope, String name)
            throws IOException {
        String requested = x.pathParam("table");
        int dot = requested.indexOf('.');
        String slug = dot < 0 ? requested : requested.substring(0, dot);
        String format = dot < 0 ? null : requested.substring(dot + 1);
        Optional<FourTables.Kind> kind = FourTables.Kind.of(slug);
        if (kind.isEmpty()) {
            x.error(404, "desk.tables.noTable", String.join(", ", slugs()));
            return;
        }
        if (format != null && !FORMATS.contains(format)) {
            x.error(404, "desk.tables.noFormat", String.join(", ", FORMATS));
            return;
        }
        FourTables.Table table = new FourTables(active, clearGroups(), gateway.elements(active), x.texts())
                .table(kind.get(), scope);
        if (format == null) {
            Map<String, Object> model = new HashMap<>();
            model.put("slug", slug);
            model.put("tableTitle", table.title());
            model.put("columns", table.columns());
            model.put("rows", table.rows());
            model.put("scope", scope.group() ? "groups" : "departments");
            model.put("id", scope.id());
            model.put("name", name);
            model.put("kinds", slugs());
            x.render("table.ftlh", model);
            return;
        }
        byte[] file = format.equals("csv") ? csv(table) : xlsx(table);
        x.response().setStatus(200);
        x.response().setContentType(format.equals("csv") ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        x.response().setHeader("Content-Disposition", disposition(scope.id() + "-四表-" + slug + "." + format));
        x.response().setContentLength(file.length);
        x.response().getOutputStream().write(file);
    }

    /** @return an attachment named {@code filename}, with an ASCII name for clients that do not read RFC 6266's */
    static String disposition(String filename) {
        String ascii = filename.replace("四表", "four-tables").replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** @return the table as CSV in UTF-8 with a byte order mark (so that Excel reads the Chinese right), CRLF lines */
    static byte[] csv(FourTables.Table table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            writer.write('\uFEFF');
            printer.printRecord(table.columns());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row);
            }
        }
        return out.toByteArray();
    }

    /** @return the table as an XLSX workbook of one sheet: headings in bold, days as numbers */
    static byte[] xlsx(FourTables.Table table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Tanghulu", "1.0");
        String title = table.title();
        Worksheet sheet = workbook.newWorksheet(title.length() > 31 ? title.substring(0, 31) : title);
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.value(0, c, table.columns().get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number n) {
                    sheet.value(r + 1, c, n);
                } else {
                    sheet.value(r + 1, c, String.valueOf(cell));
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private List<FunctionGroup> clearGroups() {
        return registry.functionGroups().stream().filter(s -> s.problems().isEmpty()).map(FunctionGroupStatus::group)
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    private static List<String> slugs() {
        return java.util.Arrays.stream(FourTables.Kind.values()).map(k -> k.slug).toList();
    }
}
