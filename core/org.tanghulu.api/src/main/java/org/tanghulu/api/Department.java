package org.tanghulu.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.tanghulu.api.definition.DepartmentDefinition;

/**
 * A government department (委办局) taking part in one-stop services: the one service
 * every department bundle registers.
 *
 * <p><b>Registration.</b> Register the implementation as an OSGi service of this type
 * with the service property {@value #ID} set to the department's id, which must equal
 * {@link DepartmentDefinition#id()}:
 *
 * <pre>
 * &#64;Component(property = Department.ID + "=aic")
 * public class IndustryAndCommerce implements Department {
 *     // definition in /department.json; rules and adapters, where needed, here
 * }
 * </pre>
 *
 * Keep the implementation in a private package; a department bundle exports nothing.
 *
 * <p><b>Threading.</b> The platform calls a department only on its own bounded worker
 * pool, under a timeout, never on a framework or request thread. A call that times
 * out or throws is recorded against the department and does not reach the core. Calls
 * may come from several threads at once, so implementations must be thread-safe.
 *
 * <p><b>A department's own system</b> takes part through an
 * {@link org.tanghulu.api.exchange.ExchangeAdapter} registered with the same id; the platform
 * makes the network calls.
 *
 * <p><b>A department must never</b> block for long (network calls are the platform's, through
 * the exchange adapter, not here), start threads or timers it does not stop when its
 * component is deactivated, keep static state that pins its class loader, or return
 * {@code null}.
 */
@ConsumerType
public interface Department {

    /** Service property carrying the department's id, e.g. {@code "aic"}. Required. */
    String ID = "department.id";

    /** Where the default {@link #definition} finds the definition in the bundle. */
    String DEFINITION_RESOURCE = "/department.json";

    /**
     * Describes the department: identity, matters and the data elements they use.
     *
     * <p>Called once when the service arrives (again only if it is re-registered). The
     * result is checked against the "five clears" (五清) before the department is
     * accepted; an unclear definition refuses the department, with a diagnostic for the
     * admin, and leaves the rest of the platform running.
     *
     * <p>Definitions that business people review are best kept as data in the bundle:
     * the default reads the bundle resource {@value #DEFINITION_RESOURCE} (JSON, see
     * {@link DefinitionReader}), so a department that keeps its definition there
     * implements nothing itself. Override to build the definition in code.
     *
     * @param reader the platform's reader for definition resources; never {@code null}
     * @return the definition; never {@code null}
     * @throws Exception if the definition cannot be produced; the department is then
     *         refused with the exception's message
     */
    default DepartmentDefinition definition(DefinitionReader reader) throws Exception {
        return reader.read(getClass().getResource(DEFINITION_RESOURCE), DepartmentDefinition.class);
    }

    /**
     * Checks an application for one of the department's matters with rules that need
     * code (a name rule, a consistency between two fields); the platform has already
     * checked every field against its data element's type and validation.
     *
     * <p>Called through the platform's guarded path when an application is submitted or
     * a correction answered. A failure or time-out does not refuse the application: it
     * is recorded on the case and the officer checks by hand.
     *
     * @param matter the id of one of this department's matters
     * @param values the application's values by data-element id; read-only
     * @return the problems found, each naming a data element of the matter; empty if
     *         none. The default finds none.
     * @throws Exception if the check cannot be made
     */
    default List<FieldProblem> check(String matter, Map<String, String> values) throws Exception {
        return List.of();
    }
}
