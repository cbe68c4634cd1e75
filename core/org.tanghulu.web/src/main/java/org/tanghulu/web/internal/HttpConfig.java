package org.tanghulu.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tanghulu.http} ({@code etc/org.tanghulu.http.cfg}), see docs/admin-guide.md. */
@ObjectClassDefinition(name = "Tanghulu HTTP", description = "Trusted reverse proxies and request size limits")
@interface HttpConfig {

    @AttributeDefinition(name = "Trusted proxies", required = false,
            description = "Addresses or CIDR blocks (IPv4, IPv6) of reverse proxies whose X-Forwarded-For, "
                    + "X-Forwarded-Proto and Forwarded headers are believed; empty: none")
    String[] trustedProxies() default {};

    @AttributeDefinition(name = "Largest request body (bytes)",
            description = "Larger bodies are refused with 413 before they are read")
    long maxBodyBytes() default 1048576;

    @AttributeDefinition(name = "Largest form (bytes)",
            description = "Larger page forms are refused with 413; at most Jetty's "
                    + "org.eclipse.jetty.server.Request.maxFormContentSize (200000 by default)")
    long maxFormBytes() default 200000;

    @AttributeDefinition(name = "Largest multipart upload (bytes)",
            description = "Larger multipart/form-data bodies (uploaded materials) are refused with 413 before they are read; "
                    + "keep it a little above org.tanghulu.uploads maxFileBytes")
    long maxMultipartBytes() default 11L * 1048576;
}
