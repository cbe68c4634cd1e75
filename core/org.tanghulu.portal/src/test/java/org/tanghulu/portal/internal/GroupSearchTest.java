package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.portal.internal.GroupSearch.Hit;
import org.tanghulu.portal.internal.GroupSearch.Kind;

class GroupSearchTest {

    private static final Map<String, LocalizedText> NEEDS = Map.of("business-start",
            new LocalizedText("开办企业", "Starting a business"), "food", new LocalizedText("餐饮", "Food"));

    private static final Map<String, MatterEntry> MATTERS = Map.of(
            "aic/business-licence", matter("aic", "business-licence", "企业设立登记（营业执照核发）",
                    "Company establishment registration (business licence)"),
            "ltax/tax-registration", matter("ltax", "tax-registration", "地方税务登记（设立税务登记）",
                    "Local tax registration (registration of a new taxpayer)"),
            "aic/individual-licence", matter("aic", "individual-licence", "个体工商户开业登记（营业执照核发）",
                    "Individual business registration (business licence)"),
            "health/food-permit", matter("health", "food-permit", "食品经营许可", "Food business permit"));

    private static final FunctionGroupStatus LLC = group("llc", "内资企业设立（有限责任公司）", "Establish a domestic limited liability company",
            "一表填报，同一项信息只填一次。", "business-start", List.of("注册公司", "开公司", "办执照", "register a company",
                    "set up a company"),
            "aic/business-licence", "ltax/tax-registration");
    private static final FunctionGroupStatus INDIVIDUAL = group("individual", "个体工商户开业", "Open an individual business",
            "个体经营者开业登记。", "business-start", List.of("个体户", "办执照"), "aic/individual-licence",
            "ltax/tax-registration");
    private static final FunctionGroupStatus RESTAURANT = group("restaurant", "开办餐饮店", "Open a restaurant",
            "Food and drink; a company or a person.", "food", List.of(), "aic/individual-licence", "health/food-permit");
    private static final List<FunctionGroupStatus> ALL = List.of(RESTAURANT, LLC, INDIVIDUAL);

    private static MatterEntry matter(String department, String id, String zh, String en) {
        return new MatterEntry(new MatterKey(department, id), new LocalizedText(department + "局", department + " bureau"),
                new Matter(id, new LocalizedText(zh, en), null, null, null, null, null, null, null, 1, 1));
    }

    private static FunctionGroupStatus group(String id, String zh, String en, String description, String need,
            List<String> keywords, String... matters) {
        return new FunctionGroupStatus(new FunctionGroup(id, 1, new LocalizedText(zh, en),
                new LocalizedText(description, description), Set.of(ApplicantType.ENTERPRISE), List.of(matters), need,
                Map.of(), keywords), "x", List.of(), List.of());
    }

    private final GroupSearch search = new GroupSearch();

    private List<Hit> find(String q) {
        return search.search(ALL, () -> NEEDS, () -> MATTERS, q);
    }

    private List<String> ids(String q) {
        return find(q).stream().map(h -> h.status().group().id()).toList();
    }

    @Test
    void findsByTheNeedsHeading() {
        assertEquals(List.of("individual", "llc"), ids("开办企业"));
        assertEquals(Kind.NEED, find("开办企业").get(0).kind());
        assertEquals(List.of("individual", "llc"), ids("starting a business"));
    }

    @Test
    void findsByMatterNamesInBothLanguages() {
        List<Hit> tax = find("税务登记");
        assertEquals(List.of("individual", "llc"), tax.stream().map(h -> h.status().group().id()).toList());
        assertEquals(Kind.MATTER, tax.get(0).kind());
        assertEquals("地方税务登记（设立税务登记）", tax.get(0).text().zh());
        assertEquals(Set.of("llc", "individual", "restaurant"), Set.copyOf(ids("营业执照")));
        assertEquals(Set.of("llc", "individual"), Set.copyOf(ids("tax registration")));
        assertEquals(Kind.MATTER, find("tax registration").get(0).kind());
    }

    @Test
    void findsBySynonymsAndRanksTheGroupThatHasThemFirst() {
        assertEquals(List.of("llc"), ids("注册公司"));
        assertEquals(Kind.KEYWORD, find("注册公司").get(0).kind());
        assertEquals("注册公司", find("注册公司").get(0).keyword());
        assertEquals(List.of("llc"), ids("开公司"));
        // both groups say 办执照; a matter name says 营业执照 too, but the synonyms come first
        List<String> licence = ids("办执照");
        assertEquals(Set.of("llc", "individual"), Set.copyOf(licence.subList(0, 2)));
        assertEquals("llc", ids("register a company").get(0), "the exact synonym");
        assertEquals(Kind.KEYWORD, find("Register a Company").get(0).kind());
        assertEquals("llc", ids("company registration").get(0));
    }

    @Test
    void britishAndAmericanSpellingsAndInflectionsFindTheSame() {
        List<String> licence = ids("business licence");
        assertEquals(Set.of("llc", "individual", "restaurant"), Set.copyOf(licence));
        assertEquals(licence, ids("business license"));
        assertEquals(licence, ids("Business Licenses"));
        assertEquals(Kind.MATTER, find("business license").get(0).kind());
        assertEquals("licenc", GroupSearch.stem("licensed"));
        assertEquals(GroupSearch.stem("organisation"), GroupSearch.stem("organization"));
        assertEquals(GroupSearch.stem("company"), GroupSearch.stem("companies"));
        assertEquals(ids("registering a company"), ids("register companies"));
    }

    @Test
    void nameRanksBeforeDescriptionAndEveryTermMustMatch() {
        // "restaurant" is the name of one group; "company" is in the other's name and this one's description
        assertEquals(List.of("restaurant"), ids("restaurant"));
        assertEquals(Kind.NAME, find("restaurant").get(0).kind());
        List<Hit> company = find("company");
        assertEquals("llc", company.get(0).status().group().id());
        assertEquals(Kind.DESCRIPTION, company.stream().filter(h -> h.status() == RESTAURANT).findFirst().orElseThrow()
                .kind());
        assertTrue(ids("restaurant tax").isEmpty(), "tax is no text of the restaurant");
        assertEquals(List.of("restaurant"), ids("餐饮 food permit"));
        assertTrue(ids("pharmacy").isEmpty());
    }

    @Test
    void chineseFillersAndReorderedWords() {
        assertEquals(Set.of("llc", "individual", "restaurant"), Set.copyOf(ids("我要办理营业执照")));
        assertEquals(List.of("individual", "llc"), ids("企业开办"), "most bigrams of 开办企业");
        assertTrue(ids("办理").size() == 0, "a query of fillers only is searched as it is");
    }

    @Test
    void blankFindsNothingAndANewListIsIndexedAnew() {
        assertTrue(ids("   ").isEmpty());
        assertTrue(ids(null).isEmpty());
        assertEquals(List.of("restaurant"), ids("restaurant"));
        FunctionGroupStatus renamed = group("restaurant", "开办药店", "Open a pharmacy", "Medicines", "food", List.of());
        assertEquals(List.of("restaurant"), search.search(List.of(renamed), () -> NEEDS, () -> MATTERS, "pharmacy")
                .stream().map(h -> h.status().group().id()).toList());
        assertTrue(search.search(List.of(renamed), () -> NEEDS, () -> MATTERS, "restaurant").isEmpty());
        assertNull(search.search(List.of(renamed), () -> NEEDS, () -> MATTERS, "pharmacy").get(0).keyword());
    }
}
