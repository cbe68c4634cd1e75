/**
 * Staff logins: the realm that checks a member of staff's name and password
 * ({@link org.tanghulu.staff.StaffRealm}), logins that resist guessing (a throttle kept in the
 * database, per account and per client address, shared by every entry point of one audience: the
 * desk and the staff API; the portal), and the bearer tokens the staff API issues after a throttled
 * login. Every call runs in its own transaction on this bundle's own tables: call it outside any
 * transaction of yours (a transaction over two bundles' persistence units is never wanted).
 */
@Export
@Version("1.0.0")
package org.tanghulu.staff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
