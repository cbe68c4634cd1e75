/**
 * Applicants' accounts on the portal and their drafts of the unified form: register, sign in,
 * keep what was typed until the case is submitted.
 */
@Export
@Version("1.0.0")
package org.tanghulu.core.accounts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
