/**
 * What the coordination core knows about the running platform, for the platform's own
 * front ends (REST, console). Department vendors do not need this package.
 */
@Export
@Version("1.2.0")
package org.tanghulu.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
