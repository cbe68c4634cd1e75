/**
 * The files an applicant uploads as materials: PDF, JPEG and PNG, recognised by their content (magic
 * bytes and a parse), never by their name; limited in size per file, in total and in number per
 * application; kept in the platform's one database with their SHA-256 digest, so that every node
 * serves them.
 *
 * <p>An upload first belongs to the applicant's application in progress, a {@link org.tanghulu.uploads.Draft}
 * (owner, function group and the form's submission key), and is then
 * {@linkplain org.tanghulu.uploads.Uploads#bind bound} to the case the submission made; an answer to a
 * correction request adds uploads to the case directly. Access is the caller's duty: the portal serves an
 * upload to its owner only, the desk to the officers whose department works on the case (see
 * docs/portal.md and docs/desk.md).
 *
 * <p>Every call runs in its own transaction on this bundle's own tables: call it outside any transaction
 * of yours.
 */
@Export
@Version("1.0.0")
package org.tanghulu.uploads;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
