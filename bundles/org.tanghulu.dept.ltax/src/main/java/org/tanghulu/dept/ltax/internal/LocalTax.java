package org.tanghulu.dept.ltax.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Local Taxation Bureau (地税): tax registration and first invoices. Its matters are
 * data, in {@code /department.json}.
 */
@Component(property = Department.ID + "=ltax")
public class LocalTax implements Department {
}
