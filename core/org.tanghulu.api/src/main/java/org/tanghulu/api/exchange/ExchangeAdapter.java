package org.tanghulu.api.exchange;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.tanghulu.api.Department;

/**
 * A department's coupling to its own system. Register it as an OSGi service with the service
 * property {@value Department#ID} set to the department's id, next to the department's
 * {@link Department} service:
 *
 * <pre>
 * &#64;Component(property = Department.ID + "=stats")
 * public class StatisticsSystem implements ExchangeAdapter {
 *     public ExchangeMode mode(String matter) {
 *         return ExchangeMode.DIRECT;
 *     }
 * }
 * </pre>
 *
 * <p>The platform calls an adapter only through its guarded path (bounded pool, timeout); a call
 * that fails or times out sends the task to the desk with the failure as the reason. The adapter
 * never talks to the network itself: the platform sends, retries, times out, authenticates,
 * records and falls back. The same rules as for {@link Department} apply: thread-safe, quick,
 * never {@code null}.
 */
@ConsumerType
public interface ExchangeAdapter {

    /**
     * @param matter the id of one of the department's matters
     * @return how the matter's tasks reach the department; {@link ExchangeMode#MANUAL} for a
     *         matter the department's system does not handle
     */
    ExchangeMode mode(String matter);

    /**
     * Maps the application data the platform sends to the department's system for one task: the
     * values of the matter's data elements by the platform's element ids. Override to rename them
     * to the system's own field names or to leave some out.
     *
     * @param matter the matter of the task
     * @param values the values by data-element id; read-only
     * @return the values as the department's system expects them; the default returns
     *         {@code values} unchanged
     * @throws Exception if they cannot be mapped; the task then goes to the desk
     */
    default Map<String, String> values(String matter, Map<String, String> values) throws Exception {
        return values;
    }

    /**
     * Whether the department's system confirms results of this matter that an applicant already
     * holds (once-only reuse, 一次提交、结果复用): an applicant who holds, say, a name pre-approval
     * number enters it instead of applying again; the platform asks the department's linked system
     * ({@code POST <link URL>/verifications}) whether the number exists and is the applicant's, and
     * on a confirmation records the matter as done with the outputs the system returns, so that the
     * case starts at the step after it. The platform owns the call (signature, timeout, record);
     * without a linked system, or when it cannot be reached, the claim is refused with the reason.
     *
     * @param matter the id of one of the department's matters
     * @return {@code true} if held results of the matter can be verified; the default is {@code false}
     */
    default boolean verifies(String matter) {
        return false;
    }

    /**
     * The base registries the department's linked system answers lookups in
     * ({@code POST <link URL>/lookups}); the platform asks them, with the applicant's consent
     * recorded, to prefill forms.
     *
     * @return the registries; the default is none
     */
    default java.util.Set<BaseRegistry> registries() {
        return java.util.Set.of();
    }
}
