package org.tanghulu.dept.ltax.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;

/**
 * Local Taxation Bureau (地税): tax registration and first invoices. Its matters are data, in
 * {@code /department.json}. Its tax system sits behind a front-end processor (前置机) that takes the
 * platform's tasks in batches, once an admin links it.
 */
@Component(service = {Department.class, ExchangeAdapter.class}, property = Department.ID + "=ltax")
public class LocalTax implements Department, ExchangeAdapter {

    @Override
    public ExchangeMode mode(String matter) {
        return ExchangeMode.FRONT_END;
    }
}
