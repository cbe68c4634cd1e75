/**
 * What a function group asks of an applicant, derived from the definitions and never
 * written by hand: its flow chart (steps, critical path), its unified form (一表制),
 * the redundancy report that form removes, and the materials checklist.
 */
@Export
@Version("1.1.0")
package org.tanghulu.catalog.plan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
