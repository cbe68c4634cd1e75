package org.tanghulu.group.establishment.internal;

import org.osgi.service.component.annotations.Component;
import org.tanghulu.api.FunctionGroupProvider;

/** The enterprise-establishment function group (企业设立), defined in {@code /function-groups.json}. */
@Component
public class EstablishmentGroups implements FunctionGroupProvider {
}
