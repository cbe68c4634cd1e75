package org.tanghulu.api.definition;

/**
 * A document or certificate an applicant hands in for a matter (材料), e.g. "articles
 * of association". Materials with the same id are the same document across matters,
 * which is how the materials checklist knows what an applicant already has.
 *
 * @param id the material's id (e.g. {@code articles-of-association})
 * @param name what the applicant sees; required
 */
public record Material(String id, LocalizedText name) {
}
