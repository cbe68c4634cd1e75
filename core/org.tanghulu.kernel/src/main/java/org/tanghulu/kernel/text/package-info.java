/**
 * Text handling every bundle shares: how an optional typed value is normalised
 * ({@link org.tanghulu.kernel.text.Text#blankToNull}). One rule, so that a value stored by one input
 * path compares equal to the same value stored by another.
 */
@Export
@Version("1.0.0")
package org.tanghulu.kernel.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
