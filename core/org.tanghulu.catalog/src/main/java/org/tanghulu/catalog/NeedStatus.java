package org.tanghulu.catalog;

import java.util.List;

import org.tanghulu.api.definition.CatalogNeed;

/**
 * A contributed catalog need.
 *
 * @param need the definition
 * @param bundle the bundle that contributed it
 * @param problems why it is refused; empty if it is clear (a refused need's groups are listed under "other")
 */
public record NeedStatus(CatalogNeed need, String bundle, List<String> problems) {

    /** Normalises the list to an unmodifiable one. */
    public NeedStatus {
        problems = List.copyOf(problems);
    }
}
