package org.tanghulu.dept.commerce.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Commerce Bureau (商务): the approval of foreign-invested enterprises (外商投资企业设立审批). Its matters are data, in {@code /department.json}; it has no system of its own
 * linked to the platform, so its officers decide on the desk.
 */
@Component(property = Department.ID + "=commerce")
public class Commerce implements Department {
}
