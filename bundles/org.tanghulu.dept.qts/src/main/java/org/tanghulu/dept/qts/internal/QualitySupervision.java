package org.tanghulu.dept.qts.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Bureau of Quality and Technical Supervision (质量技术监督): organization code registration.
 * Its matters are data, in {@code /department.json}.
 */
@Component(property = Department.ID + "=qts")
public class QualitySupervision implements Department {
}
