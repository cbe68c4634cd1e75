package org.tanghulu.api;

import java.net.URL;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tanghulu.api.definition.CatalogNeed;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.GroupExtension;

/**
 * Contributes function groups (功能群): one thing an applicant wants done, served by
 * matters of several departments (the skewer through the haws); and, since 1.1, the
 * catalog needs the groups are listed under and extensions of other bundles' groups.
 *
 * <p>Register the implementation as an OSGi service of this type; a department bundle
 * may register one beside its {@link Department}. Function groups may reference matters
 * of departments that are not installed yet; such a group is listed as unavailable until
 * all its departments are present, never half-run. Ids of groups, needs and extensions
 * are unique on the platform: a second bundle contributing one is refused.
 *
 * <p><b>Threading and conduct</b> are those of {@link Department}: called on the
 * platform's pool under a timeout, must be thread-safe, must not block or return
 * {@code null}.
 */
@ConsumerType
public interface FunctionGroupProvider {

    /** Where the default {@link #functionGroups} finds the groups in the bundle. */
    String DEFINITION_RESOURCE = "/function-groups.json";

    /** Where the default {@link #needs} finds the needs in the bundle (since 1.1). */
    String NEEDS_RESOURCE = "/catalog-needs.json";

    /** Where the default {@link #extensions} finds the extensions in the bundle (since 1.1). */
    String EXTENSIONS_RESOURCE = "/group-extensions.json";

    /**
     * The function groups this bundle contributes. Called once when the service
     * arrives. The default reads the bundle resource {@value #DEFINITION_RESOURCE}, a
     * JSON array of {@link FunctionGroup}; a missing resource means none (since 1.1).
     *
     * @param reader the platform's reader for definition resources; never {@code null}
     * @return the groups, possibly empty; never {@code null}
     * @throws Exception if the groups cannot be produced; they are then refused with
     *         the exception's message
     */
    default List<FunctionGroup> functionGroups(DefinitionReader reader) throws Exception {
        return readOptional(reader, DEFINITION_RESOURCE, FunctionGroup[].class);
    }

    /**
     * The catalog needs this bundle adds. Called once when the service arrives. The
     * default reads {@value #NEEDS_RESOURCE}, a JSON array of {@link CatalogNeed}, if the
     * bundle has it.
     *
     * @param reader the platform's reader for definition resources; never {@code null}
     * @return the needs, possibly empty; never {@code null}
     * @throws Exception if the needs cannot be produced; they are then refused with the
     *         exception's message
     * @since 1.1
     */
    default List<CatalogNeed> needs(DefinitionReader reader) throws Exception {
        return readOptional(reader, NEEDS_RESOURCE, CatalogNeed[].class);
    }

    /**
     * The extensions of other bundles' groups this bundle contributes. Called once when
     * the service arrives. The default reads {@value #EXTENSIONS_RESOURCE}, a JSON array
     * of {@link GroupExtension}, if the bundle has it.
     *
     * @param reader the platform's reader for definition resources; never {@code null}
     * @return the extensions, possibly empty; never {@code null}
     * @throws Exception if the extensions cannot be produced; they are then refused with
     *         the exception's message
     * @since 1.1
     */
    default List<GroupExtension> extensions(DefinitionReader reader) throws Exception {
        return readOptional(reader, EXTENSIONS_RESOURCE, GroupExtension[].class);
    }

    private <T> List<T> readOptional(DefinitionReader reader, String resource, Class<T[]> type) throws Exception {
        URL url = getClass().getResource(resource);
        return url == null ? List.of() : List.of(reader.read(url, type));
    }
}
