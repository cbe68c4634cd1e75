package org.tanghulu.dept.stats.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;

/**
 * Statistics Bureau (统计): statistical registration. Its matters are data, in
 * {@code /department.json}; its registration system decides them directly once an admin links it
 * ({@code tanghulu:exchange-link stats URL}), and the desk does until then.
 */
@Component(service = {Department.class, ExchangeAdapter.class}, property = Department.ID + "=stats")
public class Statistics implements Department, ExchangeAdapter {

    @Override
    public ExchangeMode mode(String matter) {
        return ExchangeMode.DIRECT;
    }
}
