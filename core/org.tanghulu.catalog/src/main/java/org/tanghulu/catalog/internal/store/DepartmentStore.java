package org.tanghulu.catalog.internal.store;

import java.util.List;

import org.tanghulu.catalog.DepartmentRecord;
import org.tanghulu.catalog.DepartmentStatus;

/** The database's record of departments and group editions. Registered once the schema is migrated. */
public interface DepartmentStore {

    /** Records a present department's current state, creating its record on first sight. */
    void save(DepartmentStatus status);

    /** Records that a department is no longer installed; a no-op for one never recorded. */
    void markAbsent(String id);

    /** @return every recorded department, sorted by id */
    List<DepartmentRecord> all();

    /**
     * The version a group runs at with these extensions applied: {@code baseVersion * 1000 + n}, allocated on
     * first sight and the same on every node afterwards.
     *
     * @param extensions the applied extensions as {@code id@version}, sorted, joined by commas; not empty
     */
    int edition(String group, int baseVersion, String extensions);

    /** @return whether the database answers a trivial query */
    boolean healthy();
}
