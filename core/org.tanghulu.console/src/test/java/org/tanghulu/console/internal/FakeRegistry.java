package org.tanghulu.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.DepartmentRecord;
import org.tanghulu.catalog.DepartmentState;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.catalog.ExtensionStatus;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.NeedStatus;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.catalog.Registry;

/** A registry holding fixed departments and function groups. */
record FakeRegistry(List<DepartmentStatus> departments, List<FunctionGroupStatus> functionGroups) implements Registry {

    static DepartmentStatus department(String id, String zh) {
        return new DepartmentStatus(id, new LocalizedText(zh, null), DepartmentState.ACTIVE, List.of(), "bundle",
                Instant.EPOCH, null, 0);
    }

    static FunctionGroupStatus group(String id, List<String> problems, List<String> missing) {
        return new FunctionGroupStatus(new FunctionGroup(id, 1, new LocalizedText(id, null), null, Set.of(), List.of()),
                "bundle", problems, missing);
    }

    @Override
    public Optional<DepartmentStatus> department(String id) {
        return departments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public List<MatterEntry> matters() {
        return List.of();
    }

    @Override
    public List<NeedStatus> needs() {
        return List.of();
    }

    @Override
    public List<ExtensionStatus> extensions() {
        return List.of();
    }

    @Override
    public List<DepartmentRecord> departmentHistory() {
        return List.of();
    }

    @Override
    public boolean databaseHealthy() {
        return true;
    }
}
