/**
 * What passed between the platform and the departments for each case, as a tamper-evident
 * dossier: every message in and out (a task handed to a department, a department's answer, a
 * manual entry on the desk), chained with SM3 and with its head signed with SM2, so that a
 * changed, reordered, dropped or recomputed entry is detected and named.
 */
@Export
@Version("1.3.0")
package org.tanghulu.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
