package org.tanghulu.dept.psb.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;
import org.tanghulu.api.exchange.BaseRegistry;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;

/**
 * Public Security Bureau (公安): the record for engraving the company's seals. Its matters are data, in
 * {@code /department.json}. Its seal-record system is cut off from the platform's network, so its seal records
 * travel on offline media (离线介质): once an admin registers the bureau's key, its tasks are exported as signed
 * files and its signed result files imported; until then they are decided on the desk. Its population registry
 * (人口基础信息库) is on the shared network: once linked, it answers lookups of persons by identity number.
 */
@Component(service = {Department.class, ExchangeAdapter.class}, property = Department.ID + "=psb")
public class PublicSecurity implements Department, ExchangeAdapter {

    @Override
    public ExchangeMode mode(String matter) {
        return "seal-engraving".equals(matter) ? ExchangeMode.DISK : ExchangeMode.MANUAL;
    }

    @Override
    public Set<BaseRegistry> registries() {
        return Set.of(BaseRegistry.PERSONS);
    }
}
