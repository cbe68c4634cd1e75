/**
 * The department SPI: what a department vendor implements and registers so that
 * Tanghulu can route cases to the department.
 *
 * <p>A department bundle registers one {@link org.tanghulu.api.Department} service
 * through the OSGi service whiteboard (usually a Declarative Services component) and
 * exports nothing. A bundle that contributes function groups registers a
 * {@link org.tanghulu.api.FunctionGroupProvider}. The platform reads both when they
 * arrive, checks them, and forgets them when they leave; it never restarts because a
 * department came or went.
 *
 * <p>This package is semantically versioned: a minor version adds, a major version
 * breaks. Bundles built against 1.x resolve against every later 1.x.
 */
@Export
@Version("1.1.0")
package org.tanghulu.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
