/**
 * What every bundle with its own tables does the same way on start, on the platform's one
 * database: keeping id sequences ahead of stored ids after a crash ({@link org.tanghulu.kernel.store.Sequences}).
 */
@Export
@Version("1.0.0")
package org.tanghulu.kernel.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
