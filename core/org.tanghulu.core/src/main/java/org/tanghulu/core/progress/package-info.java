/**
 * Where a case stands as a whole, read-only: every matter of its function group with its stage and
 * expected completion date from the moment of submission, and its history as typed events. For the
 * faces (portal, desk) that show a case to people; nothing here changes a case.
 */
@Export
@Version("1.0.0")
package org.tanghulu.core.progress;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
