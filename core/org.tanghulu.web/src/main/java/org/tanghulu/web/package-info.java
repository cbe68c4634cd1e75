/**
 * What the applicant portal and the officers' desk share: a {@link org.tanghulu.web.PageServlet}
 * base that renders FreeMarker pages in the visitor's language, keeps a {@link org.tanghulu.web.Sessions
 * session} with idle and absolute timeouts, refuses state changes without the session's CSRF token,
 * and shows every error as a page in words, never a stack trace. A set of pages declares its
 * {@link org.tanghulu.web.Routes route table} (method and path pattern to handler) and its
 * {@link org.tanghulu.web.LoginFlow login} (form, throttled password check, new session, logout) here,
 * once for the portal and the desk.
 *
 * <p>Texts come from resource bundles: Chinese in {@code messages.properties} (the default), English
 * in {@code messages_en.properties}; a page's own bundle first, then this bundle's.
 */
@Export
@Version("1.2.0")
package org.tanghulu.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
