package org.tanghulu.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tanghulu.api.definition.FunctionGroup;

/**
 * Contributes function groups (功能群): one thing an applicant wants done, served by
 * matters of several departments (the skewer through the haws).
 *
 * <p>Register the implementation as an OSGi service of this type. Function groups may
 * reference matters of departments that are not installed yet; such a group is listed
 * as unavailable until all its departments are present, never half-run.
 *
 * <p><b>Threading and conduct</b> are those of {@link Department}: called on the
 * platform's pool under a timeout, must be thread-safe, must not block or return
 * {@code null}.
 */
@ConsumerType
public interface FunctionGroupProvider {

    /** Where the default {@link #functionGroups} finds the groups in the bundle. */
    String DEFINITION_RESOURCE = "/function-groups.json";

    /**
     * The function groups this bundle contributes. Called once when the service
     * arrives. The default reads the bundle resource {@value #DEFINITION_RESOURCE}, a
     * JSON array of {@link FunctionGroup}.
     *
     * @param reader the platform's reader for definition resources; never {@code null}
     * @return the groups, possibly empty; never {@code null}
     * @throws Exception if the groups cannot be produced; they are then refused with
     *         the exception's message
     */
    default List<FunctionGroup> functionGroups(DefinitionReader reader) throws Exception {
        return List.of(reader.read(getClass().getResource(DEFINITION_RESOURCE), FunctionGroup[].class));
    }
}
