package org.tanghulu.dept.stats.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Statistics Bureau (统计): statistical registration. Its matters are data, in
 * {@code /department.json}.
 */
@Component(property = Department.ID + "=stats")
public class Statistics implements Department {
}
