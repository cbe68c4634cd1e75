package org.tanghulu.portal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.http.Part;

import org.tanghulu.core.cases.Cases;
import org.tanghulu.kernel.json.Json;
import org.tanghulu.uploads.Draft;
import org.tanghulu.uploads.Limits;
import org.tanghulu.uploads.Upload;
import org.tanghulu.uploads.UploadRefused;
import org.tanghulu.uploads.Uploads;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.Texts;

/**
 * The applicant's material files: uploading to the draft of an application ({@code POST /groups/{id}/uploads})
 * or to a case answering a correction ({@code POST /cases/{tn}/uploads}), removing a draft's file
 * ({@code POST /uploads/{uid}/remove}) and viewing one's own file ({@code GET /uploads/{uid}}). Multipart through
 * the servlet API (the portal servlet's multipart limits); a script sends {@code X-CSRF-Token} and gets JSON,
 * a plain form gets a redirect back or the error page. See docs/portal.md.
 */
final class UploadPages {

    private final Uploads uploads;
    private final Cases cases;

    UploadPages(Uploads uploads, Cases cases) {
        this.uploads = uploads;
        this.cases = cases;
    }

    /** {@code POST /groups/{id}/uploads}: one file for one material line of the draft. */
    void toDraft(Exchange x, CatalogPages catalog) throws IOException {
        Applicant me = AccountPages.me(x);
        String group = x.pathParam("id");
        catalog.status(group);
        String key = x.param("submissionKey");
        Draft draft;
        try {
            draft = new Draft(me.id(), group, key);
        } catch (IllegalArgumentException e) {
            x.error(400, "portal.upload.badKey");
            return;
        }
        store(x, "/groups/" + group + "/apply#f-materials", (name, bytes) ->
                uploads.addToDraft(draft, x.param("material"), name, bytes));
    }

    /** {@code POST /cases/{tn}/uploads}: one file added to the applicant's own case (answering a correction). */
    void toCase(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String tn = x.pathParam("tn");
        String group = cases.applicantView(tn, cases.accessKey(tn, me.id())).group(); // NOT_FOUND unless the owner's
        store(x, "/cases/" + tn + "#uploads", (name, bytes) -> uploads.addToCase(tn, me.id(), group,
                x.param("material"), name, bytes));
    }

    private interface Store {
        Upload store(String name, byte[] bytes);
    }

    private void store(Exchange x, String back, Store store) throws IOException {
        Limits limits = uploads.limits();
        Part part;
        try {
            part = x.request().getPart("file");
        } catch (ServletException | IllegalStateException | IOException e) {
            // not multipart, malformed, or over the servlet's multipart limits
            boolean tooLarge = e instanceof IllegalStateException || String.valueOf(e.getMessage()).contains("exceed");
            answer(x, tooLarge ? 413 : 400, tooLarge ? x.texts().get("portal.upload.requestTooLarge",
                    Limits.megabytes(limits.maxFileBytes())) : x.texts().get("portal.upload.noFile"), null, back);
            return;
        }
        if (part == null || part.getSubmittedFileName() == null) {
            answer(x, 400, x.texts().get("portal.upload.noFile"), null, back);
            return;
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        }
        try {
            Upload u = store.store(part.getSubmittedFileName(), bytes);
            answer(x, 200, null, u, back);
        } catch (UploadRefused r) {
            answer(x, r.reason().status(), message(x.texts(), r), null, back);
        } finally {
            part.delete();
        }
    }

    /** @return the sentence that tells the applicant why the file was refused */
    static String message(Texts t, UploadRefused r) {
        Limits l = r.limits();
        return switch (r.reason()) {
            case TYPE -> t.get("portal.upload.type", r.fileName());
            case TOO_LARGE -> t.get("portal.upload.tooLarge", r.fileName(), Limits.megabytes(l.maxFileBytes()));
            case TOTAL_TOO_LARGE -> t.get("portal.upload.totalTooLarge", r.fileName(), Limits.megabytes(l.maxTotalBytes()));
            case TOO_MANY -> t.get("portal.upload.tooMany", r.fileName(), l.maxFiles());
            case EMPTY -> t.get("portal.upload.empty", r.fileName());
            case BAD_NAME -> t.get("portal.upload.badName");
        };
    }

    private static void answer(Exchange x, int status, String problem, Upload u, String back) throws IOException {
        if (x.request().getHeader("X-CSRF-Token") != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (u != null) {
                body.put("upload", model(u));
            } else {
                body.put("error", problem);
            }
            x.json(status, Json.api().writeValueAsString(body));
        } else if (u != null) {
            x.redirect(back);
        } else {
            x.render(status, "error.ftlh", Map.of("status", status, "message", problem));
        }
    }

    /** {@code POST /uploads/{uid}/remove}: the applicant's own draft file, gone; 404 for any other. */
    void remove(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String id = x.pathParam("uid");
        Optional<Upload> u = uploads.find(id).filter(f -> f.owner() == me.id());
        if (u.isEmpty() || !uploads.removeFromDraft(id, me.id())) {
            x.error(404, "portal.upload.notFound");
            return;
        }
        if (x.request().getHeader("X-CSRF-Token") != null) {
            x.json(200, "{\"removed\":true}");
        } else {
            x.redirect("/groups/" + u.get().group() + "/apply#f-materials");
        }
    }

    /** {@code GET /uploads/{uid}}: the applicant's own file ({@code ?download} saves it); 404 for any other. */
    void view(Exchange x) throws IOException {
        Optional<Applicant> me = AccountPages.loggedIn(x);
        if (me.isEmpty()) {
            return;
        }
        Optional<Upload> u = uploads.find(x.pathParam("uid")).filter(f -> f.owner() == me.get().id());
        Optional<byte[]> bytes = u.flatMap(f -> uploads.content(f.id()));
        if (bytes.isEmpty()) {
            x.error(404, "portal.upload.notFound");
            return;
        }
        x.file(u.get().type().mediaType(), u.get().contentDisposition(x.request().getParameter("download") != null), bytes.get());
    }

    /** @return the page model of the uploads by material */
    static Map<String, List<Map<String, Object>>> byMaterial(List<Upload> list) {
        Map<String, List<Map<String, Object>>> m = new LinkedHashMap<>();
        list.forEach(u -> m.computeIfAbsent(u.material(), k -> new ArrayList<>()).add(model(u)));
        return m;
    }

    static Map<String, Object> model(Upload u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("material", u.material());
        m.put("name", u.name());
        m.put("type", u.type().name());
        m.put("size", size(u.size()));
        m.put("sha256", u.sha256());
        m.put("uploaded", PortalServlet.WHEN.format(u.uploaded()));
        return m;
    }

    /** @return bytes as a person reads them: 850 B, 12.4 KB, 3.1 MB */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
