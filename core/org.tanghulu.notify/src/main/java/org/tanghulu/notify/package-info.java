/**
 * What applicants are told about their cases, by e-mail and SMS: read-only, for supervision
 * and the console. Notifications are made from the case event log by the platform.
 */
@Export
@Version("1.1.0")
package org.tanghulu.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
