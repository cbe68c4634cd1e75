/**
 * The definition types a department or function-group bundle contributes: immutable
 * records describing departments, their matters (事项), the data elements (数据元)
 * those matters ask and produce, function groups (功能群), the catalog's needs that
 * lead applicants to them, and extensions of one bundle's group by another.
 *
 * <p><b>Conventions for all records here.</b> Ids are lower-case ASCII words joined by
 * hyphens ({@code [a-z][a-z0-9-]*}); matter ids are unique within their department and
 * are referenced from elsewhere as {@code department/matter} (see {@link
 * org.tanghulu.api.definition.MatterKey}). Collections are never {@code null}: a
 * {@code null} passed to a constructor becomes an empty, unmodifiable collection.
 * Texts shown to people are {@link org.tanghulu.api.definition.LocalizedText} with
 * Chinese and English. The records only carry data; whether a definition is "clear" is
 * decided by the platform when it arrives.
 */
@Export
@Version("1.3.0")
package org.tanghulu.api.definition;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
