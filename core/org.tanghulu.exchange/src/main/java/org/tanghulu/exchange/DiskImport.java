package org.tanghulu.exchange;

import java.util.List;

/**
 * What importing a department's signed result file (offline media, DISK) did: the file as a whole
 * was accepted (its signature verified); each of its results decided its task, was a duplicate (a
 * result already imported, or a task already decided: nothing is decided twice), or was refused with
 * the reason. Every decision is committed before this is returned.
 *
 * @param department the department whose file it was
 * @param batch the batch the file answers, as its header names it, or {@code null}
 * @param decided the tasks decided now, in the file's order
 * @param duplicates the results that decided nothing because they or their task's decision were there already
 * @param refused the results that could not be used (never exported to the department, unreadable, refused by the
 *        case engine, ...)
 * @since 1.2
 */
public record DiskImport(String department, String batch, List<Long> decided, List<Line> duplicates, List<Line> refused) {

    /**
     * One result line of the file that decided nothing.
     *
     * @param line its line number in the file (the header is line 1)
     * @param task the task it names, or {@code null} if it names none readable
     * @param reason why it decided nothing, in words
     */
    public record Line(int line, Long task, String reason) {
    }

    /** Normalises the lists to unmodifiable ones. */
    public DiskImport {
        decided = List.copyOf(decided);
        duplicates = List.copyOf(duplicates);
        refused = List.copyOf(refused);
    }

    /** @return whether the file brought nothing new: no decision, only duplicates (a replayed file) or refusals */
    public boolean nothingNew() {
        return decided.isEmpty();
    }

    /** @return one sentence: how many results decided their tasks, were duplicates, were refused */
    public String summary() {
        return (decided.isEmpty() ? "nothing new was decided" : decided.size() + " task(s) decided") + ", "
                + duplicates.size() + " duplicate(s)" + (duplicates.isEmpty() || !decided.isEmpty() ? "" : " (a file imported before?)")
                + ", " + refused.size() + " result(s) refused";
    }
}
