package org.tanghulu.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tanghulu.core} ({@code etc/org.tanghulu.core.cfg}). */
@ObjectClassDefinition(name = "Tanghulu core", description = "How the core calls department code")
@interface CoreConfig {

    @AttributeDefinition(name = "Call timeout (ms)", description = "How long one call into department code may take", min = "1")
    long callTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Department threads", description = "Threads for calls into department code", min = "1")
    int departmentThreads() default 4;

    @AttributeDefinition(name = "Queued calls", description = "Calls that may wait for a thread before new ones are refused", min = "1")
    int queuedCalls() default 64;
}
