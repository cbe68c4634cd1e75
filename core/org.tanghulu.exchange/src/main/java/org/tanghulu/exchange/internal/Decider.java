package org.tanghulu.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.DossierEntry.Direction;

/**
 * Turns a department system's answer into the case's decision, as the case engine's own actor
 * {@code exchange:<department>}: it claims the task and decides it. Every step can be repeated
 * (after a crash, a replay, a second node): an answer already recorded is not recorded again, and a
 * task this actor already decided is reported as such, never decided twice.
 */
@Component(service = Decider.class)
public class Decider {

    /** What became of an answer. */
    enum Result {
        /** It decided the task now. */
        APPLIED,
        /** This system's answer had decided the task already. */
        ALREADY,
        /** An officer has the task (claimed or decided it on the desk). */
        TAKEN,
        /** The task is closed. */
        CLOSED,
        /** The case engine refused the decision (outputs missing or wrong, say). */
        INVALID,
        /** The department is not installed now: try again later. */
        UNAVAILABLE,
        /** No such task of the department. */
        NOT_FOUND
    }

    record Applied(Result result, String detail) {
    }

    static final String MODE = "DIRECT";
    private final Cases cases;
    private final DossierStore dossiers;

    @Activate
    public Decider(@Reference Cases cases, @Reference DossierStore dossiers) {
        this.cases = cases;
        this.dossiers = dossiers;
    }

    /** @return the actor a department's system acts as */
    static Actor actor(String department) {
        return new Actor("exchange:" + department, Set.of(department), false);
    }

    /** Records a message of the direct exchange in the case's dossier, once per key. */
    void record(String trackingNumber, String key, Instant at, String mode, Direction direction, String department,
            String kind, String payload) {
        dossiers.append(trackingNumber, key, new DossierEntry(0, at, mode, direction, department, kind, payload, null));
    }

    /** @return the task as the department's system sees it, or {@code null} if it is no task of the department */
    TaskView task(String department, long task) {
        try {
            return cases.task(task, actor(department));
        } catch (Refusal r) {
            return null;
        }
    }

    /** @return the case's values, as the department's system may read them */
    java.util.Map<String, String> values(String department, String trackingNumber) {
        return cases.staffView(trackingNumber, actor(department)).values();
    }

    /**
     * Records the answer in the dossier, once per answer id.
     *
     * @param kind {@code ANSWER} (the response to a request) or {@code CALLBACK}
     * @return whether it was recorded now, not before
     */
    boolean record(String trackingNumber, String department, String kind, byte[] body, Answer answer, Instant now) {
        return record(trackingNumber, department, MODE, kind, body, answer, now);
    }

    /** As {@link #record(String, String, String, byte[], Answer, Instant)}, for an answer that came in {@code mode}. */
    boolean record(String trackingNumber, String department, String mode, String kind, byte[] body, Answer answer, Instant now) {
        return dossiers.append(trackingNumber, "answer:" + department + ":" + answer.answerId(), new DossierEntry(0, now, mode,
                Direction.IN, department, kind, new String(body, StandardCharsets.UTF_8), null));
    }

    /** Decides the task as the answer says (never for {@link Answer.Kind#ACCEPTED}). */
    Applied apply(String department, Answer answer) {
        Actor actor = actor(department);
        TaskView task;
        try {
            task = cases.task(answer.task(), actor);
        } catch (Refusal r) {
            return new Applied(Result.NOT_FOUND, "task " + answer.task() + " is not a task of " + department);
        }
        boolean ours = actor.name().equals(task.assignee());
        if (!task.state().open() || task.state() == TaskState.CORRECTION) {
            return ours ? new Applied(Result.ALREADY, "already decided by this system: " + task.state())
                    : new Applied(Result.CLOSED, "task " + task.id() + " is " + task.state() + " already");
        }
        if (task.state() == TaskState.CLAIMED && !ours) {
            return new Applied(Result.TAKEN, "officer " + task.assignee() + " has claimed task " + task.id() + " on the desk");
        }
        try {
            if (task.state() == TaskState.READY) {
                cases.claim(task.id(), actor);
            }
            cases.decide(task.id(), actor, answer.decision());
            return new Applied(Result.APPLIED, null);
        } catch (Refusal r) {
            if (r.kind() == Refusal.Kind.INVALID) {
                giveBack(task.id(), actor);
                return new Applied(Result.INVALID, "the platform refused the system's decision: " + r.getMessage()
                        + (r.problems().isEmpty() ? "" : " " + r.problems()));
            }
            if (r.kind() == Refusal.Kind.CONFLICT) {
                return apply(department, answer); // someone moved it meanwhile: look again
            }
            if (r.kind() == Refusal.Kind.UNAVAILABLE) {
                return new Applied(Result.UNAVAILABLE, r.getMessage());
            }
            return new Applied(Result.CLOSED, r.getMessage());
        }
    }

    /** Gives back a task this system claimed but could not decide, so that an officer can take it on the desk. */
    private void giveBack(long task, Actor actor) {
        try {
            cases.release(task, actor);
        } catch (Refusal r) {
            // not claimed by the system (any more): nothing to give back
        }
    }
}
