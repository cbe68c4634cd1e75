package org.tanghulu.dept.aic.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Administration for Industry and Commerce (工商): enterprise name pre-approval and the
 * business licence. Its matters are data, in {@code /department.json}.
 */
@Component(property = Department.ID + "=aic")
public class IndustryAndCommerce implements Department {
}
