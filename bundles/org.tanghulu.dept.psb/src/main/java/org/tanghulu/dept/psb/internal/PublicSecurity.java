package org.tanghulu.dept.psb.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;

/**
 * Public Security Bureau (公安): the record for engraving the company's seals. Its matters are data, in
 * {@code /department.json}. Its own network is cut off from the platform's, so its seal records travel on
 * offline media (离线介质): once an admin registers the bureau's key, its tasks are exported as signed files and
 * its signed result files imported; until then they are decided on the desk.
 */
@Component(service = {Department.class, ExchangeAdapter.class}, property = Department.ID + "=psb")
public class PublicSecurity implements Department, ExchangeAdapter {

    @Override
    public ExchangeMode mode(String matter) {
        return "seal-engraving".equals(matter) ? ExchangeMode.DISK : ExchangeMode.MANUAL;
    }
}
