package org.tanghulu.dept.ntax.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * National Taxation Bureau (国税): national tax registration. Its matters are data, in
 * {@code /department.json}.
 */
@Component(property = Department.ID + "=ntax")
public class NationalTax implements Department {
}
