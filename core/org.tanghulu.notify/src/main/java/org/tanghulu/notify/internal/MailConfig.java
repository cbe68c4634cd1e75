package org.tanghulu.notify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.tanghulu.mail.cfg}: the SMTP server applicants' e-mails go through. */
@ObjectClassDefinition(name = "Tanghulu mail", description = "SMTP server for e-mails to applicants")
public @interface MailConfig {

    @AttributeDefinition(description = "SMTP host; empty: no e-mail is sent, e-mail notifications wait (PENDING)")
    String host() default "";

    @AttributeDefinition(description = "SMTP port")
    int port() default 25;

    @AttributeDefinition(description = "Sender address (From)")
    String from() default "";

    @AttributeDefinition(description = "SMTP login; empty: no authentication")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SMTP password")
    String password() default "";

    @AttributeDefinition(description = "Require STARTTLS before sending")
    boolean starttls() default false;

    @AttributeDefinition(description = "Connect, read and write timeout, milliseconds")
    int timeoutMillis() default 10000;
}
