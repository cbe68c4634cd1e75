/**
 * What every bundle with its own tables does the same way on start, on the platform's one
 * database: migrating its own tables, taking over those made before it was split out
 * ({@link org.tanghulu.kernel.store.OwnTables}, since 1.1.0), and keeping id sequences ahead of
 * stored ids after a crash ({@link org.tanghulu.kernel.store.Sequences}).
 */
@Export
@Version("1.1.0")
package org.tanghulu.kernel.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
