/**
 * Cases (办件) and their tasks: one submission by an applicant, driven through the
 * departments of a function group; every transition an append-only event.
 */
@Export
@Version("2.3.0")
package org.tanghulu.core.cases;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
