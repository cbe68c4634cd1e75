/**
 * The platform's one set of rules for what applicants and staff type: contact fields,
 * free text (names, messages, comments) and the lengths the database keeps. Every input
 * path (the portal, the JSON API, corrections, accounts) checks through these rules, so a
 * value refused on one path is refused on all; form values are checked by the case engine
 * with the same rules.
 */
@Export
@Version("1.1.0")
package org.tanghulu.catalog.validation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
