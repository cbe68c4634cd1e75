package org.tanghulu.dept.lss.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Labour and Social Security Bureau (劳动和社会保障): social insurance registration. Its
 * matters are data, in {@code /department.json}.
 */
@Component(property = Department.ID + "=lss")
public class LabourAndSocialSecurity implements Department {
}
