/**
 * The platform's one refusal type ({@link org.tanghulu.core.Refusal}), for every front end.
 * 2.0.0: the registry and its records moved to the catalog bundle's {@code org.tanghulu.catalog}.
 * Department vendors do not need this package.
 */
@Export
@Version("2.0.0")
package org.tanghulu.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
