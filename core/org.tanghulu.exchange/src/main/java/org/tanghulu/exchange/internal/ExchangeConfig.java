package org.tanghulu.exchange.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/org.tanghulu.exchange.cfg}: how the platform treats the departments' systems. Besides
 * these, {@code link.<department>.url} and {@code link.<department>.secretFile} link a system, and
 * {@code link.<department>.frontEnd} and {@code .passwordFile} a front-end processor, on start when the
 * database has no link for the department yet (the demo does this; {@link EtcLinks}); the database
 * decides after.
 */
@ObjectClassDefinition(name = "Tanghulu exchange with the departments' systems")
public @interface ExchangeConfig {

    String PID = "org.tanghulu.exchange";

    @AttributeDefinition(description = "Milliseconds a department's system has to answer one request")
    long timeoutMillis() default 5000;

    @AttributeDefinition(description = "Requests per task before it goes to the desk")
    int attempts() default 3;

    @AttributeDefinition(description = "Milliseconds before the first retry; doubled for each further one")
    long backoffMillis() default 2000;

    @AttributeDefinition(description = "Failures in a row that open a department's circuit breaker")
    int breakerFailures() default 3;

    @AttributeDefinition(description = "Seconds a breaker stays open before one task probes the system again")
    long breakerOpenSeconds() default 60;

    @AttributeDefinition(description = "Minutes a system may take to call back before the task goes to the desk")
    long callbackMinutes() default 1440;

    @AttributeDefinition(description = "Days a department on offline media (DISK) may take to return the result of an "
            + "exported task before the task goes to the desk")
    long diskAnswerDays() default 14;

    @AttributeDefinition(description = "Where the systems call back: the internal (desk) connector's address and "
            + "/exchange/callback; empty: http://127.0.0.1:<tanghulu.desk.port>/exchange/callback")
    String callbackUrl() default "";

    @AttributeDefinition(description = "Tasks sent in one round (every second) by one node")
    int batch() default 32;
}
