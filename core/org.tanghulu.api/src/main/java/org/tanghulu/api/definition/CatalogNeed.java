package org.tanghulu.api.definition;

import java.util.List;

/**
 * What an applicant needs (办事需求: "start a business", "build a house"): a heading of the
 * portal's catalog under which function groups place themselves by their
 * {@link FunctionGroup#need}. A need may ask a few {@link Question}s so that the
 * applicant lands on the one right group instead of choosing among look-alikes: each
 * group of the need states its {@link FunctionGroup#answers}; combinations no group
 * serves are explained by an {@link Exclusion} or, failing one, by the platform.
 *
 * @param id unique on the platform (e.g. {@code business-start}); contributed by one bundle
 * @param name the heading; required
 * @param description one sentence under the heading
 * @param order where the heading stands among the needs, ascending; ties by id
 * @param questions asked in order; may be empty
 * @param exclusions combinations of answers no group serves, with the reason; may be empty
 */
public record CatalogNeed(String id, LocalizedText name, LocalizedText description, int order,
        List<Question> questions, List<Exclusion> exclusions) {

    /** Normalises collections to unmodifiable ones. */
    public CatalogNeed {
        questions = questions == null ? List.of() : List.copyOf(questions);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }
}
