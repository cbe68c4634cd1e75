package org.tanghulu.exchange.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tanghulu.api.Department;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Outcome;

/**
 * The departments' {@link ExchangeAdapter}s (the whiteboard: they come and go with their bundles),
 * called only through the catalog's guarded path. A department without an adapter is MANUAL.
 */
@Component(service = Adapters.class)
public class Adapters {

    private final Map<String, ExchangeAdapter> byDepartment = new ConcurrentHashMap<>();
    private final DepartmentGateway gateway;

    @Activate
    public Adapters(@Reference DepartmentGateway gateway) {
        this.gateway = gateway;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAdapter(ExchangeAdapter adapter, Map<String, Object> properties) {
        Object id = properties.get(Department.ID);
        if (id != null) {
            byDepartment.put(id.toString(), adapter);
        }
    }

    void removeAdapter(ExchangeAdapter adapter, Map<String, Object> properties) {
        Object id = properties.get(Department.ID);
        if (id != null) {
            byDepartment.remove(id.toString(), adapter);
        }
    }

    /** @return the matter's mode, or a failure if the adapter could not say (the task then goes to the desk) */
    Outcome<ExchangeMode> mode(String department, String matter) {
        ExchangeAdapter adapter = byDepartment.get(department);
        if (adapter == null) {
            return new Outcome<>(ExchangeMode.MANUAL, null);
        }
        return gateway.call(department, "mode(" + matter + ")", () -> adapter.mode(matter));
    }

    /** @return the values as the department's system expects them, or a failure */
    Outcome<Map<String, String>> values(String department, String matter, Map<String, String> values) {
        ExchangeAdapter adapter = byDepartment.get(department);
        if (adapter == null) {
            return new Outcome<>(values, null);
        }
        Map<String, String> readOnly = java.util.Collections.unmodifiableMap(values);
        return gateway.call(department, "values(" + matter + ")", () -> adapter.values(matter, readOnly));
    }

    /** @return whether the department's system confirms held results of the matter, or a failure */
    Outcome<Boolean> verifies(String department, String matter) {
        ExchangeAdapter adapter = byDepartment.get(department);
        if (adapter == null) {
            return new Outcome<>(false, null);
        }
        return gateway.call(department, "verifies(" + matter + ")", () -> adapter.verifies(matter));
    }

    /** @return the departments whose adapters declare the registry now, by id; an adapter that fails to say is left out */
    java.util.List<String> answering(org.tanghulu.api.exchange.BaseRegistry registry) {
        return byDepartment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> {
                    Outcome<java.util.Set<org.tanghulu.api.exchange.BaseRegistry>> declared = gateway.call(e.getKey(),
                            "registries()", () -> e.getValue().registries());
                    return !declared.failed() && declared.value().contains(registry);
                }).map(Map.Entry::getKey).toList();
    }

    /** @return the departments with an adapter now */
    java.util.Set<String> departments() {
        return java.util.Set.copyOf(byDepartment.keySet());
    }
}
