package org.tanghulu.catalog;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;

/**
 * A matter of an active department.
 *
 * @param key its platform-wide name
 * @param department the department's name
 * @param matter the matter as defined
 */
public record MatterEntry(MatterKey key, LocalizedText department, Matter matter) {
}
