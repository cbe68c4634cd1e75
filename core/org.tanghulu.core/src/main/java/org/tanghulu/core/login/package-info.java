/**
 * Logins that resist guessing: a throttle kept in the database, per account and per client
 * address, shared by every entry point of one audience (the desk and the staff API; the portal),
 * and the bearer tokens the staff API issues after a throttled login.
 */
@Export
@Version("1.0.0")
package org.tanghulu.core.login;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
