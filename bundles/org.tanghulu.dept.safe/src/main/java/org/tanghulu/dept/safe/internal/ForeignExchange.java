package org.tanghulu.dept.safe.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * State Administration of Foreign Exchange, Beijing branch (外汇管理): the foreign exchange registration of foreign-invested enterprises (外汇登记). Its matters are data, in {@code /department.json}; it has no system of its own
 * linked to the platform, so its officers decide on the desk.
 */
@Component(property = Department.ID + "=safe")
public class ForeignExchange implements Department {
}
