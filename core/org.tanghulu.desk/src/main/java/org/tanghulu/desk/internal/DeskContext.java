package org.tanghulu.desk.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The desk's servlet context: {@code /desk}, served only by Jetty's connector named {@code desk}
 * (etc/jetty.xml), so that it can listen on an internal interface apart from the portal.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE,
        property = "org.ops4j.pax.web.http.whiteboard.connectors=" + DeskContext.CONNECTOR)
@HttpWhiteboardContext(name = DeskContext.NAME, path = DeskContext.PATH)
public class DeskContext extends ServletContextHelper {

    /** The context's name; must match the shared style sheet's context selection. */
    static final String NAME = "tanghulu-desk";
    static final String PATH = "/desk";
    static final String CONNECTOR = "desk";
}
