package org.tanghulu.catalog;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The departments, matters and function groups present on the platform right now, and
 * every department it has ever seen. Answers from memory (except
 * {@link #departmentHistory()}), never calls department code, and is safe to call from
 * any thread; every list is a snapshot sorted by id.
 */
@ProviderType
public interface Registry {

    /** @return the departments whose services are registered now, in any state but {@link DepartmentState#ABSENT} */
    List<DepartmentStatus> departments();

    /** @return the present department with this id, if any */
    Optional<DepartmentStatus> department(String id);

    /** @return the matters of all {@link DepartmentState#ACTIVE} departments */
    List<MatterEntry> matters();

    /**
     * @return every function group contributed now, with whether it can take new cases, each as new cases run
     *         it (with its applied extensions)
     */
    List<FunctionGroupStatus> functionGroups();

    /** @return the catalog needs contributed now, sorted by their order, then id (since 1.2) */
    List<NeedStatus> needs();

    /** @return the group extensions contributed now, with whether they apply (since 1.2) */
    List<ExtensionStatus> extensions();

    /**
     * Every department the platform has seen, as kept in the database, including those
     * no longer installed ({@link DepartmentState#ABSENT}).
     *
     * @throws IllegalStateException if the database is not available
     */
    List<DepartmentRecord> departmentHistory();

    /** @return whether the platform's database is connected, migrated and answering */
    boolean databaseHealthy();
}
