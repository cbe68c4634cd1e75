package org.tanghulu.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The JSON API, served under {@code /api}; resources and extensions select it by name. */
@Component(service = Application.class)
@JaxrsApplicationBase(TanghuluApplication.BASE)
@JaxrsName(TanghuluApplication.NAME)
public class TanghuluApplication extends Application {

    static final String BASE = "api";
    static final String NAME = "tanghulu";
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
