package org.tanghulu.dept.ntax.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;

/**
 * National Taxation Bureau (国税): national tax registration. Its matters are data, in
 * {@code /department.json}. Like the local bureau's, its tax system takes the platform's tasks through
 * a front-end processor (前置机), once an admin links it.
 */
@Component(service = {Department.class, ExchangeAdapter.class}, property = Department.ID + "=ntax")
public class NationalTax implements Department, ExchangeAdapter {

    @Override
    public ExchangeMode mode(String matter) {
        return ExchangeMode.FRONT_END;
    }
}
