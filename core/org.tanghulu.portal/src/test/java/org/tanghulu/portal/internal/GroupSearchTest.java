package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.FunctionGroupStatus;

class GroupSearchTest {

    private static FunctionGroupStatus group(String id, String zh, String en, String descriptionEn) {
        return new FunctionGroupStatus(new FunctionGroup(id, 1, new LocalizedText(zh, en),
                new LocalizedText("一次办成", descriptionEn), Set.of(ApplicantType.ENTERPRISE), List.of("a/b")), "x", List.of(),
                List.of());
    }

    @Test
    void findsNamesAndDescriptionsInBothLanguagesIgnoringCaseButNotAcrossTexts() {
        GroupSearch search = new GroupSearch();
        FunctionGroupStatus restaurant = group("r", "开办餐饮店", "Open a Restaurant", "Food and drink");
        List<FunctionGroupStatus> all = List.of(restaurant);
        assertTrue(search.matches(all, restaurant.group(), null));
        assertTrue(search.matches(all, restaurant.group(), ""));
        assertTrue(search.matches(all, restaurant.group(), "餐饮"));
        assertTrue(search.matches(all, restaurant.group(), "RESTAURANT"));
        assertTrue(search.matches(all, restaurant.group(), "drink"));
        assertTrue(search.matches(all, restaurant.group(), "一次"));
        assertFalse(search.matches(all, restaurant.group(), "pharmacy"));
        assertFalse(search.matches(all, restaurant.group(), "restaurant一次"), "a match across two texts");
        // a new list (the catalog changed) is indexed anew
        FunctionGroupStatus renamed = group("r", "开办药店", "Open a pharmacy", "Medicines");
        assertTrue(search.matches(List.of(renamed), renamed.group(), "pharmacy"));
        assertFalse(search.matches(List.of(renamed), renamed.group(), "restaurant"));
    }
}
