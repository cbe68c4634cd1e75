package org.tanghulu.notify.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.notify.Channel;

/** Turns a case event into the messages its applicant gets: one per contact channel the case has. */
final class Composer {

    /** A case event, as far as notifications need it. */
    record Event(long id, long caseId, Long taskId, String type, String detail) {
    }

    /** A case's applicant and contact details. */
    record Case(long id, String trackingNumber, String group, String applicant, String email, String phone) {
    }

    /** The task an event is about: its matter, the officer's message and what a correction asks for. */
    record Task(String department, String matter, String message, List<String> correctionFields,
            List<String> correctionMaterials) {
        Task(String department, String matter, String message, List<String> correctionFields) {
            this(department, matter, message, correctionFields, List.of());
        }
    }

    /** A material the applicant promised to supply later (容缺), and by when: what a reminder is about. */
    record Awaited(String material, LocalDate due) {
    }

    /** One message to send. */
    record Draft(Channel channel, String recipient, Texts.Message message) {
    }

    /** Names of things, in both languages; the id itself when it is not known (any more). */
    interface Names {
        LocalizedText group(String id);

        LocalizedText matter(String department, String matter);

        /** The label of a field of the group's form. */
        LocalizedText element(String group, String id);

        /** A material of a matter. */
        LocalizedText material(String department, String matter, String id);
    }

    private final Texts texts;
    private final Names names;

    Composer(Texts texts, Names names) {
        this.texts = texts;
        this.names = names;
    }

    /**
     * @return whether the applicant is told of this event: a submission, a correction request and
     *         the closing of the case (its {@code REJECTED} event without a task, not the task's own)
     */
    boolean tells(String type, Long taskId) {
        return texts.has(type) && !("REJECTED".equals(type) && taskId != null);
    }

    /**
     * @param task the task the event is about ({@code CORRECTION_REQUESTED}) or the rejected task
     *        ({@code REJECTED}); {@code null} otherwise
     * @return one draft per channel the case has an address for; none if it has none
     */
    List<Draft> compose(Event event, Case c, Task task) {
        return compose(event, c, task, null);
    }

    /** @param awaited for a {@code MATERIAL_REMINDER}, the material of the event's {@code task}'s matter; {@code null} otherwise */
    List<Draft> compose(Event event, Case c, Task task, Awaited awaited) {
        return compose(event, c, task, awaited, Map.of());
    }

    /** @param particulars further placeholders' values, the same in both languages (a hand-over's {@code receipt}) */
    List<Draft> compose(Event event, Case c, Task task, Awaited awaited, Map<String, String> particulars) {
        Map<String, LocalizedText> values = new HashMap<>();
        particulars.forEach((k, v) -> values.put(k, same(v)));
        values.put("trackingNumber", same(c.trackingNumber()));
        values.put("applicant", same(c.applicant()));
        values.put("group", names.group(c.group()));
        if (task != null) {
            values.put("matter", names.matter(task.department(), task.matter()));
            values.put("message", same(asRecorded(event, task)));
            List<LocalizedText> fields = task.correctionFields().stream().map(f -> names.element(c.group(), f)).toList();
            values.put("fields", fields.isEmpty() ? new LocalizedText("无", "none") : new LocalizedText(
                    fields.stream().map(LocalizedText::zh).collect(Collectors.joining("、")),
                    fields.stream().map(LocalizedText::en).collect(Collectors.joining(", "))));
            List<LocalizedText> materials = task.correctionMaterials().stream()
                    .map(m -> names.material(task.department(), task.matter(), m)).toList();
            values.put("materials", materials.isEmpty() ? new LocalizedText("无", "none") : new LocalizedText(
                    materials.stream().map(LocalizedText::zh).collect(Collectors.joining("、")),
                    materials.stream().map(LocalizedText::en).collect(Collectors.joining(", "))));
            if (awaited != null) {
                values.put("material", names.material(task.department(), task.matter(), awaited.material()));
                values.put("due", same(awaited.due().toString()));
            }
        }
        Texts.Message message = texts.render(event.type(), values);
        List<Draft> drafts = new ArrayList<>();
        if (present(c.email())) {
            drafts.add(new Draft(Channel.EMAIL, c.email().strip(), message));
        }
        if (present(c.phone())) {
            drafts.add(new Draft(Channel.SMS, c.phone().strip(), message));
        }
        return drafts;
    }

    /**
     * The officer's message when the event was recorded. A rejection closed the case, so its task's
     * message is final; a correction request's task may have been decided again since, and then the
     * event's own detail (which begins with the message it had) is told instead.
     */
    private static String asRecorded(Event event, Task task) {
        String message = task.message() == null ? "" : task.message();
        boolean replaced = "CORRECTION_REQUESTED".equals(event.type()) && event.detail() != null
                && !event.detail().startsWith(message);
        return replaced ? event.detail() : message;
    }

    private static LocalizedText same(String text) {
        return new LocalizedText(text, text);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
