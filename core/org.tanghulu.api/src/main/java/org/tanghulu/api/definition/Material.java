package org.tanghulu.api.definition;

/**
 * A document or certificate an applicant hands in for a matter (材料), e.g. "articles
 * of association". Materials with the same id are the same document across matters,
 * which is how the materials checklist knows what an applicant already has.
 *
 * <p>By default a material is needed up front: the application is not taken without it.
 * Two attributes relax this, and the platform refuses a definition that combines them
 * with each other or uses them on something that makes no sense (a certificate, an
 * {@code atStep} material an earlier matter issues anyway):
 * <ul>
 * <li>{@code minor} (容缺受理): the application is accepted without it on the applicant's
 * recorded commitment to supply it within {@code supplyDays} working days; the matter's
 * task waits, visibly, until it is supplied.</li>
 * <li>{@code atStep}: the document only comes into being during the procedure (the
 * bank-account permit, after the licence, the code and the seal); it is never asked up
 * front but when the matter's step starts, and the matter's task waits for it.</li>
 * </ul>
 * A material listed among a matter's {@code certificates} is issued, never handed in:
 * both attributes are meaningless there.
 *
 * @param id the material's id (e.g. {@code articles-of-association})
 * @param name what the applicant sees; required
 * @param minor whether it may be supplied after acceptance (容缺); needs {@code supplyDays}
 * @param supplyDays for a {@code minor} material, the working days after acceptance within
 *        which it must be supplied, at least 1; 0 otherwise
 * @param atStep whether it is asked only when the matter's step starts; never with {@code minor}
 * @since 1.2
 */
public record Material(String id, LocalizedText name, boolean minor, int supplyDays, boolean atStep) {

    /** A material needed up front (the 1.0 constructor). */
    public Material(String id, LocalizedText name) {
        this(id, name, false, 0, false);
    }

    /** @return whether it is needed before the application is taken: neither {@code minor} nor {@code atStep} */
    public boolean upFront() {
        return !minor && !atStep;
    }
}
