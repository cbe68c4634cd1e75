package org.tanghulu.dept.zgc.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Zhongguancun Science Park Haidian Park Administrative Committee (中关村科技园区海淀园管理委员会):
 * high-tech enterprise qualification. Its matters are data, in {@code /department.json}.
 */
@Component(property = Department.ID + "=zgc")
public class ZhongguancunPark implements Department {
}
