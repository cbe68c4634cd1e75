/**
 * The comprehensive window (综合窗口): where the applicant hands in the originals and takes the
 * certificates away.
 *
 * <p>At acceptance a window clerk (an {@link org.tanghulu.core.cases.Actor#windowClerk() Actor with the
 * role window-clerk}) opens a submitted case, sees the materials the applicant declared and records
 * per material whether the original matches ({@link Verdict}). When the case is finished the clerk
 * hands its certificates over (一窗出件) to a named person, which gives a receipt (回执) with a receipt
 * number; the applicant confirms receipt on the portal, or the clerk records a signature on paper.
 * Every record is committed before a method returns. Officers of the case's departments and
 * supervisors read the record ({@link Window#forStaff}), the applicant too ({@link Window#forApplicant}).
 *
 * <p>The window learns of cases from the case event log (submitted, completed, rejected): a case
 * appears on its lists a few seconds after the event. Refusals are {@link WindowRefusal}s, a
 * {@link org.tanghulu.core.Refusal} with a {@link WindowRefusal.Reason} the faces put into words.
 */
@Export
@Version("1.0.0")
package org.tanghulu.window;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
