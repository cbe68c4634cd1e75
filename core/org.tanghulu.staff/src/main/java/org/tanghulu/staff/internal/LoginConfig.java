package org.tanghulu.staff.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tanghulu.login} ({@code etc/org.tanghulu.login.cfg}); changes apply without restart. */
@ObjectClassDefinition(name = "Tanghulu logins", description = "Login throttling (desk, staff API, portal) and staff API tokens")
public @interface LoginConfig {

    String PID = "org.tanghulu.login";

    @AttributeDefinition(description = "Failed logins of one name within the window that lock the name", min = "1")
    int nameFailures() default 5;

    @AttributeDefinition(description = "Failed logins from one client address within the window that lock the address", min = "1")
    int addressFailures() default 30;

    @AttributeDefinition(description = "Minutes in which failures are counted (from the first one)", min = "1")
    int windowMinutes() default 15;

    @AttributeDefinition(description = "Minutes a locked name or address may not log in, right password or not", min = "1")
    int lockoutMinutes() default 15;

    @AttributeDefinition(description = "Minutes a staff API token lives unused", min = "1")
    int tokenIdleMinutes() default 30;

    @AttributeDefinition(description = "Hours a staff API token lives at most", min = "1")
    int tokenAbsoluteHours() default 10;
}
