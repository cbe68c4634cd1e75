package org.tanghulu.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tanghulu.core} ({@code etc/org.tanghulu.core.cfg}). */
@ObjectClassDefinition(name = "Tanghulu core", description = "How the core calls department code")
@interface CoreConfig {

    @AttributeDefinition(name = "Call timeout (ms)", description = "How long one call into department code may take", min = "1")
    long callTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Calls per department", description = "Calls into one department that may run at the same time;"
            + " a department whose calls all overran their timeout is refused at once, the others are still served", min = "1")
    int callsPerDepartment() default 2;
}
