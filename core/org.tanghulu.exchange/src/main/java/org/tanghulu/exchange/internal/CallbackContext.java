package org.tanghulu.exchange.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * {@code /exchange} for the departments' systems' callbacks: served only by Jetty's internal connector
 * named {@code desk} (etc/jetty.xml), never by the public portal port.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE,
        property = "org.ops4j.pax.web.http.whiteboard.connectors=desk")
@HttpWhiteboardContext(name = CallbackContext.NAME, path = "/exchange")
public class CallbackContext extends ServletContextHelper {

    static final String NAME = "tanghulu-exchange";
}
