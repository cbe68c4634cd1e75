package org.tanghulu.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tanghulu.core} ({@code etc/org.tanghulu.core.cfg}; the name is older than the catalog bundle). */
@ObjectClassDefinition(name = "Tanghulu calls into department code", description = "How the platform calls department code (the catalog's guarded path)")
@interface CallConfig {

    @AttributeDefinition(name = "Call timeout (ms)", description = "How long one call into department code may take", min = "1")
    long callTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Calls per department", description = "Calls into one department that may run at the same time;"
            + " a department whose calls all overran their timeout is refused at once, the others are still served", min = "1")
    int callsPerDepartment() default 2;
}
