package org.tanghulu.desk.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.catalog.Registry;
import org.tanghulu.kernel.time.PlatformTime;
import org.tanghulu.uploads.Upload;
import org.tanghulu.uploads.Uploads;
import org.tanghulu.web.Exchange;

/**
 * The applicant's uploaded files on the desk: the list on a task's and a case's page, and each file
 * ({@code GET /cases/{tn}/uploads/{uid}}, shown inline, {@code ?download} saves it) for those who may see the
 * case ({@link Cases#staffView}: officers whose department has a task on it, supervisors); 404 for anyone else.
 */
final class DeskUploads {

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformTime.ZONE);

    private final Uploads uploads;
    private final Cases cases;
    private final Registry registry;

    DeskUploads(Uploads uploads, Cases cases, Registry registry) {
        this.uploads = uploads;
        this.cases = cases;
        this.registry = registry;
    }

    /** Shares the task's case's files with the page ({@code uploads}); the page itself refuses who may not see it. */
    void shareForTask(Exchange x) {
        try {
            Actor actor = DeskServlet.actor(x);
            String tn = cases.task(Long.parseLong(x.pathParam("id")), actor).trackingNumber();
            share(x, tn, actor);
        } catch (Refusal | NumberFormatException e) {
            // the task's page answers with the refusal
        }
    }

    /** Shares the case's files with the page ({@code uploads}). */
    void shareForCase(Exchange x) {
        try {
            share(x, x.pathParam("tn"), DeskServlet.actor(x));
        } catch (Refusal e) {
            // the case's page answers with the refusal
        }
    }

    private void share(Exchange x, String tn, Actor actor) {
        cases.staffView(tn, actor);
        Map<String, String> names = new HashMap<>();
        registry.matters().forEach(e -> e.matter().materials().forEach(m -> names.putIfAbsent(m.id(), x.texts().pick(m.name()))));
        List<Map<String, Object>> list = uploads.ofCase(tn).stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("href", "/cases/" + tn + "/uploads/" + u.id());
            m.put("name", u.name());
            m.put("material", names.getOrDefault(u.material(), u.material()));
            m.put("type", u.type().name());
            m.put("size", u.size());
            m.put("sha256", u.sha256());
            m.put("uploaded", WHEN.format(u.uploaded()));
            return m;
        }).toList();
        x.share("uploads", list);
    }

    /** {@code GET /cases/{tn}/uploads/{uid}}. */
    void view(Exchange x) throws IOException {
        String tn = x.pathParam("tn");
        cases.staffView(tn, DeskServlet.actor(x)); // NOT_FOUND unless the officer may see the case
        Optional<Upload> u = uploads.find(x.pathParam("uid")).filter(f -> tn.equals(f.trackingNumber()));
        Optional<byte[]> bytes = u.flatMap(f -> uploads.content(f.id()));
        if (bytes.isEmpty()) {
            x.error(404, "desk.upload.notFound");
            return;
        }
        x.file(u.get().type().mediaType(), u.get().contentDisposition(x.request().getParameter("download") != null),
                bytes.get());
    }
}
