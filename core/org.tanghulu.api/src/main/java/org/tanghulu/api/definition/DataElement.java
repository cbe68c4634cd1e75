package org.tanghulu.api.definition;

/**
 * One datum the platform asks once and shares (数据元): "enterprise name", "registered
 * capital", "legal representative's ID number". A matter lists the elements it asks
 * for and the elements it produces; the unified form asks each element once however
 * many matters need it.
 *
 * @param id the element's id, unique on the platform (e.g. {@code enterprise-name})
 * @param type the kind of value; required
 * @param label the field label; required
 * @param help help text shown beside the field; required, since the seeds' applicants
 *        fill forms without a manual
 * @param validation further checks; {@code null} means none beyond the type
 */
public record DataElement(String id, DataType type, LocalizedText label, LocalizedText help,
        Validation validation) {
}
