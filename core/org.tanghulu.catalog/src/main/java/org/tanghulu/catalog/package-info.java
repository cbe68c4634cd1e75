/**
 * The catalog: the departments and function groups present on this platform, their checked
 * definitions and history ({@link org.tanghulu.catalog.Registry}), and the one guarded way to
 * call department code ({@link org.tanghulu.catalog.DepartmentGateway}).
 */
@Export
@Version("1.2.0")
package org.tanghulu.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
