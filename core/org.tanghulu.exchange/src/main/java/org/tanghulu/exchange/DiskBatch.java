package org.tanghulu.exchange;

import java.util.List;

/**
 * A batch file of offline media (DISK) the platform exported for one department: its tasks as JSON
 * lines, signed with the platform's SM2 key (the admin guide gives the format). The tasks are recorded
 * as exported to the department before this is returned.
 *
 * @param batch the batch's id, also in the file's header
 * @param department the department the file is for
 * @param tasks the ids of the tasks in the file, in its order
 * @param file the file's bytes, exactly as signed
 * @since 1.2
 */
public record DiskBatch(String batch, String department, List<Long> tasks, byte[] file) {

    /** Normalises the tasks to an unmodifiable list. */
    public DiskBatch {
        tasks = List.copyOf(tasks);
    }
}
