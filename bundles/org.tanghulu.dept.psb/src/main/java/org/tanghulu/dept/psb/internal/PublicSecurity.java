package org.tanghulu.dept.psb.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.Department;

/**
 * Public Security Bureau (公安): the record for engraving the company's seals. Its matters
 * are data, in {@code /department.json}.
 */
@Component(property = Department.ID + "=psb")
public class PublicSecurity implements Department {
}
