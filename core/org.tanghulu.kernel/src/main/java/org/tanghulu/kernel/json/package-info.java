/**
 * The platform's one JSON configuration ({@link org.tanghulu.kernel.json.Json}): the mapper of the
 * JSON API and the mapper of JSON kept in database columns, configured in one place so that every
 * bundle writes and reads the same JSON.
 */
@Export
@Version("1.0.0")
package org.tanghulu.kernel.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
