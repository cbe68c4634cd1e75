package org.tanghulu.dept.aic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;

/**
 * Administration for Industry and Commerce (工商): enterprise name pre-approval and the
 * registrations (business licences) of every enterprise type. Its matters are data, in {@code /department.json}; the name rule,
 * which needs code, is here. Officers decide its matters on the desk; its registration system,
 * once an admin links it, confirms pre-approval numbers and licences that applicants already hold.
 */
@Component(service = {Department.class, ExchangeAdapter.class}, property = Department.ID + "=aic")
public class IndustryAndCommerce implements Department, ExchangeAdapter {

    static final String NAME_PREAPPROVAL = "name-preapproval";
    static final String BUSINESS_LICENCE = "business-licence";
    static final String ENTERPRISE_NAME = "enterprise-name";
    static final String ALTERNATIVES = "enterprise-name-alternatives";
    static final String ENTERPRISE_TYPE = "enterprise-type";

    private static final Set<String> NAMED_MATTERS = Set.of(NAME_PREAPPROVAL, BUSINESS_LICENCE);
    /** The matters whose enterprise name the name rule checks: pre-approval and the registrations of pre-approved names. */
    private static final Set<String> CHECKED_MATTERS = Set.of(NAME_PREAPPROVAL, BUSINESS_LICENCE,
            "joint-stock-company-licence", "sole-proprietorship-licence", "partnership-licence", "fie-business-licence");

    @Override
    public ExchangeMode mode(String matter) {
        return ExchangeMode.MANUAL;
    }

    /** A name pre-approval notice or a business licence already issued is confirmed by the registration system. */
    @Override
    public boolean verifies(String matter) {
        return NAMED_MATTERS.contains(matter);
    }

    /** Checks the enterprise name (and, for pre-approval, the alternative names) by {@link EnterpriseNameRule}. */
    @Override
    public List<FieldProblem> check(String matter, Map<String, String> values) {
        if (!CHECKED_MATTERS.contains(matter)) {
            return List.of();
        }
        String type = values.get(ENTERPRISE_TYPE);
        List<FieldProblem> problems = new ArrayList<>();
        String name = values.get(ENTERPRISE_NAME);
        if (name != null && !name.isBlank()) {
            EnterpriseNameRule.check(name.strip(), type, false)
                    .forEach(message -> problems.add(new FieldProblem(ENTERPRISE_NAME, message)));
        }
        String alternatives = values.get(ALTERNATIVES);
        if (NAME_PREAPPROVAL.equals(matter) && alternatives != null) {
            for (String alternative : alternatives.split("[；;\\n]")) {
                if (!alternative.isBlank()) {
                    EnterpriseNameRule.check(alternative.strip(), type, true)
                            .forEach(message -> problems.add(new FieldProblem(ALTERNATIVES, message)));
                }
            }
        }
        return List.copyOf(problems);
    }
}
