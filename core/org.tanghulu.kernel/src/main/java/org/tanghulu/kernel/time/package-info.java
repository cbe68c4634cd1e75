/**
 * Time conventions every bundle shares: the platform's time zone
 * ({@link org.tanghulu.kernel.time.PlatformTime#ZONE}).
 */
@Export
@Version("1.0.0")
package org.tanghulu.kernel.time;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
