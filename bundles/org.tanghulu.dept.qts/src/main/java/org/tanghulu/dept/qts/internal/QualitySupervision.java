package org.tanghulu.dept.qts.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;

/**
 * Bureau of Quality and Technical Supervision (质量技术监督): organization code registration.
 * Its matters are data, in {@code /department.json}. Its code system decides them directly once an
 * admin links it; it knows the applicant's company by its own field name {@code JGMC} (机构名称), not {@code enterprise-name}.
 */
@Component(service = {Department.class, ExchangeAdapter.class}, property = Department.ID + "=qts")
public class QualitySupervision implements Department, ExchangeAdapter {

    @Override
    public ExchangeMode mode(String matter) {
        return ExchangeMode.DIRECT;
    }

    @Override
    public Map<String, String> values(String matter, Map<String, String> values) {
        Map<String, String> named = new LinkedHashMap<>(values);
        String company = named.remove("enterprise-name");
        if (company != null) {
            named.put("JGMC", company);
        }
        return named;
    }
}
