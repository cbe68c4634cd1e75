package org.tanghulu.dept.aic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.FieldProblem;

class IndustryAndCommerceTest {

    private static final String LLC = "有限责任公司（自然人投资或控股）";
    private static final String OTHER_LLC = "其他有限责任公司";
    private static final String JOINT_STOCK = "股份有限公司（非上市）";

    private final IndustryAndCommerce aic = new IndustryAndCommerce();

    private List<FieldProblem> check(String matter, String name, String type) {
        Map<String, String> values = new HashMap<>();
        values.put("enterprise-name", name);
        if (type != null) {
            values.put("enterprise-type", type);
        }
        return aic.check(matter, values);
    }

    /** Asserts exactly one problem, on enterprise-name, whose Chinese and English messages contain the given words. */
    private static void assertOneProblem(List<FieldProblem> problems, String zh, String en) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        FieldProblem p = problems.get(0);
        assertEquals("enterprise-name", p.field());
        assertTrue(p.message().zh().contains(zh), p.message().zh());
        assertTrue(p.message().en().contains(en), p.message().en());
    }

    @Test
    void wellFormedNamesPassForBothMatters() {
        for (String matter : List.of("name-preapproval", "business-licence")) {
            assertEquals(List.of(), check(matter, "北京星河智联科技有限公司", LLC));
            assertEquals(List.of(), check(matter, "北京市星河智联科技有限责任公司", OTHER_LLC));
            assertEquals(List.of(), check(matter, "  北京星河智联科技有限公司 ", LLC), "surrounding blanks are ignored");
            assertEquals(List.of(), check(matter, "北京星河生物技术股份有限公司", JOINT_STOCK));
            assertEquals(List.of(), check(matter, "北京星河（中国）科技有限公司", null), "no type: any company form");
        }
    }

    @Test
    void nameMustStartWithBeijing() {
        assertOneProblem(check("business-licence", "星河智联（北京）科技有限公司", LLC), "须以“北京”开头", "must begin with 北京");
        assertOneProblem(check("name-preapproval", "海淀星河科技有限公司", LLC), "北京", "Beijing");
    }

    @Test
    void legalFormMustMatchTheEnterpriseType() {
        assertOneProblem(check("business-licence", "北京星河智联科技股份有限公司", LLC),
                "“有限公司”或“有限责任公司”结尾", "must end in 有限公司 or 有限责任公司");
        assertOneProblem(check("business-licence", "北京星河智联科技中心", OTHER_LLC), "有限责任公司", "limited liability");
        assertOneProblem(check("name-preapproval", "北京星河生物技术有限公司", JOINT_STOCK),
                "“股份有限公司”结尾", "must end in 股份有限公司");
        assertOneProblem(check("name-preapproval", "北京星河智联科技工作室", null), "须以组织形式结尾", "legal form");
    }

    @Test
    void latinLettersAndArabicNumeralsAreRefused() {
        assertOneProblem(check("name-preapproval", "北京E时代科技有限公司", LLC), "（发现：E）", "(found: E)");
        assertOneProblem(check("business-licence", "北京星河3D打印技术有限公司", LLC), "发现：3、D", "found: 3, D");
        assertOneProblem(check("business-licence", "北京ＡＢ科技有限公司", LLC), "不得含有外文字母或阿拉伯数字", "Latin letters");
        assertOneProblem(check("business-licence", "北京星河１号科技有限公司", LLC), "阿拉伯数字", "Arabic numerals");
    }

    @Test
    void tradeNameAndIndustryMustBeThere() {
        assertOneProblem(check("business-licence", "北京市有限公司", LLC), "缺少字号和行业", "lacks a trade name");
    }

    @Test
    void everyBrokenRuleIsReported() {
        List<FieldProblem> problems = check("business-licence", "Star河2科技股份有限公司", LLC);
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.field().equals("enterprise-name")));
    }

    @Test
    void alternativeNamesAreCheckedOnPreApprovalOnly() {
        Map<String, String> values = new HashMap<>(Map.of("enterprise-name", "北京星河智联科技有限公司", "enterprise-type", LLC,
                "enterprise-name-alternatives", "北京星河智达科技有限公司；北京Star科技有限公司"));
        List<FieldProblem> problems = aic.check("name-preapproval", values);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("enterprise-name-alternatives", problems.get(0).field());
        assertTrue(problems.get(0).message().zh().startsWith("备选名称“北京Star科技有限公司”"), problems.get(0).message().zh());
        assertEquals(List.of(), aic.check("business-licence", values));
    }

    @Test
    void missingNameAndOtherMattersAreLeftToThePlatform() {
        assertEquals(List.of(), aic.check("business-licence", Map.of()));
        assertEquals(List.of(), check("business-licence", " ", LLC));
        assertEquals(List.of(), check("annual-report", "Star", LLC));
    }

    @Test
    void officersDecideAndTheSystemConfirmsHeldPreApprovalsAndLicencesOnly() {
        IndustryAndCommerce aic = new IndustryAndCommerce();
        assertEquals(org.tanghulu.api.exchange.ExchangeMode.MANUAL, aic.mode("name-preapproval"));
        assertTrue(aic.verifies("name-preapproval"));
        assertTrue(aic.verifies("business-licence"));
        assertFalse(aic.verifies("something-else"));
    }

    @Test
    void soleProprietorshipsAndPartnershipsAreNoCompanies() {
        for (String matter : List.of("name-preapproval", "sole-proprietorship-licence")) {
            assertEquals(List.of(), check(matter, "北京星河智联软件工作室", "个人独资企业"), matter);
            assertOneProblem(check(matter, "北京星河智联软件有限公司", "个人独资企业"), "不得使用“有限”“有限责任”或“公司”字样",
                    "may not contain 有限");
        }
        assertEquals(List.of(), check("partnership-licence", "北京星河会计师事务所", "合伙企业"));
        assertOneProblem(check("partnership-licence", "北京星河咨询有限责任中心", "合伙企业"), "合伙企业不是公司", "a partnership");
        assertOneProblem(check("sole-proprietorship-licence", "上海星河软件工作室", "个人独资企业"), "须以“北京”开头", "北京");
    }

    @Test
    void theRegistrationsOfEveryPreApprovedTypeCheckTheName() {
        assertOneProblem(check("joint-stock-company-licence", "北京星河生物技术有限公司", JOINT_STOCK), "股份有限公司", "joint-stock");
        assertOneProblem(check("fie-business-licence", "北京星河科技股份有限公司", "有限责任公司（中外合资）"), "有限公司",
                "limited liability");
        assertEquals(List.of(), check("fie-business-licence", "北京星河智联科技有限公司", "有限责任公司（外商独资）"));
        assertEquals(List.of(), check("branch-licence", "北京星河智联科技有限公司海淀分公司", "有限责任公司分公司"),
                "a branch's name is its parent's and is not pre-approved");
    }
}
