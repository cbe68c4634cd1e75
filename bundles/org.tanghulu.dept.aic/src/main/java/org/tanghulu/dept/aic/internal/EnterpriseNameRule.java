package org.tanghulu.dept.aic.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tanghulu.api.definition.LocalizedText;

/**
 * The name rule for companies registered in Haidian (《企业名称登记管理规定》): place name,
 * trade name, industry and legal form, in that order. The name starts with 北京; it ends
 * with the legal form of its enterprise type (有限公司 or 有限责任公司 for a limited
 * liability company, 股份有限公司 for a joint-stock company); and it has no Latin letters
 * or Arabic numerals, half- or full-width. A sole proprietorship or partnership is no company: its name
 * may not say 有限 or 公司 (《个人独资企业登记管理办法》 第六条, 《合伙企业法》 (1997) 第十一条), and
 * ends in a word of its own (中心, 工作室, 事务所...). Stateless.
 */
final class EnterpriseNameRule {

    static final String PLACE = "北京";
    static final String LLC_SHORT = "有限公司";
    static final String LLC_LONG = "有限责任公司";
    static final String JOINT_STOCK = "股份有限公司";
    static final String SOLE_PROPRIETORSHIP_TYPE = "个人独资企业";
    static final String PARTNERSHIP_TYPE = "合伙企业";

    private static final Pattern LATIN_OR_DIGIT = Pattern.compile("[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]");

    /** The legal form an enterprise type asks for. */
    enum Form {
        LIMITED_LIABILITY, JOINT_STOCK, SOLE_PROPRIETORSHIP, PARTNERSHIP, UNKNOWN;

        /** @return the form of an {@code enterprise-type} option; {@code UNKNOWN} if absent or not a company */
        static Form of(String enterpriseType) {
            if (enterpriseType == null) {
                return UNKNOWN;
            }
            if (enterpriseType.equals(SOLE_PROPRIETORSHIP_TYPE)) {
                return SOLE_PROPRIETORSHIP;
            }
            if (enterpriseType.equals(PARTNERSHIP_TYPE)) {
                return PARTNERSHIP;
            }
            if (enterpriseType.contains(LLC_LONG)) {
                return LIMITED_LIABILITY;
            }
            if (enterpriseType.startsWith(EnterpriseNameRule.JOINT_STOCK)) {
                return JOINT_STOCK;
            }
            return UNKNOWN;
        }
    }

    private EnterpriseNameRule() {
    }

    /**
     * @param name the name, stripped; not blank
     * @param enterpriseType the chosen {@code enterprise-type} option, or {@code null}
     * @param alternative whether the name is one of the alternative names (the messages say which)
     * @return what is wrong with the name, one message per broken rule; empty if none
     */
    static List<LocalizedText> check(String name, String enterpriseType, boolean alternative) {
        String zhWhich = alternative ? "备选名称“" + name + "”" : "企业名称";
        String enWhich = alternative ? "The alternative name " + name : "The enterprise name";
        List<LocalizedText> problems = new ArrayList<>();

        boolean placeFirst = name.startsWith(PLACE);
        if (!placeFirst) {
            problems.add(new LocalizedText(
                    zhWhich + "须以“北京”开头：在海淀区登记的企业，名称应冠以“北京”或“北京市”，"
                            + "例如“北京星河智联科技有限公司”。",
                    enWhich + " must begin with 北京 (Beijing): a company registered in Haidian puts 北京 or 北京市 first, "
                            + "e.g. 北京星河智联科技有限公司."));
        }

        Form form = Form.of(enterpriseType);
        boolean company = form != Form.SOLE_PROPRIETORSHIP && form != Form.PARTNERSHIP;
        String suffix = company ? suffix(name, form) : "";
        if (!company && (name.contains("有限") || name.contains("公司"))) {
            String type = form == Form.SOLE_PROPRIETORSHIP ? "个人独资企业" : "合伙企业";
            String en = form == Form.SOLE_PROPRIETORSHIP ? "a sole proprietorship" : "a partnership";
            problems.add(new LocalizedText(
                    zhWhich + "不得使用“有限”“有限责任”或“公司”字样：" + type + "不是公司，投资人（合伙人）承担无限责任，"
                            + "名称可以“中心”“工作室”“事务所”“商行”等结尾，例如“北京星河智联软件工作室”。",
                    enWhich + " may not contain 有限, 有限责任 or 公司: " + en + " is no company and its investors answer "
                            + "without limit; the name may end in 中心, 工作室, 事务所, 商行 and the like, e.g. 北京星河智联软件工作室."));
        }
        if (suffix == null) {
            problems.add(switch (form) {
                case LIMITED_LIABILITY -> new LocalizedText(
                        zhWhich + "须以“有限公司”或“有限责任公司”结尾：企业类型为有限责任公司，"
                                + "名称中的组织形式应与之一致，不得使用“股份有限公司”。",
                        enWhich + " must end in 有限公司 or 有限责任公司: the enterprise type is a limited liability company, "
                                + "so the legal form in the name must say so and may not be 股份有限公司.");
                case JOINT_STOCK -> new LocalizedText(
                        zhWhich + "须以“股份有限公司”结尾：企业类型为股份有限公司，"
                                + "名称中的组织形式应与之一致。",
                        enWhich + " must end in 股份有限公司: the enterprise type is a joint-stock company, "
                                + "so the legal form in the name must say so.");
                case SOLE_PROPRIETORSHIP, PARTNERSHIP, UNKNOWN -> new LocalizedText(
                        zhWhich + "须以组织形式结尾：有限责任公司以“有限公司”或“有限责任公司”结尾，"
                                + "股份有限公司以“股份有限公司”结尾。",
                        enWhich + " must end in its legal form: 有限公司 or 有限责任公司 for a limited liability company, "
                                + "股份有限公司 for a joint-stock company.");
            });
        }

        Set<String> foreign = new LinkedHashSet<>();
        Matcher m = LATIN_OR_DIGIT.matcher(name);
        while (m.find()) {
            foreign.add(m.group());
        }
        if (!foreign.isEmpty()) {
            String found = String.join("、", foreign);
            problems.add(new LocalizedText(
                    zhWhich + "（包括字号）中不得含有外文字母或阿拉伯数字（发现：" + found + "），"
                            + "请改用汉字，例如把“E时代”写作“易时代”、把“3D”写作“三维”。",
                    enWhich + ", trade name included, may not contain Latin letters or Arabic numerals (found: "
                            + String.join(", ", foreign) + "); write them in Chinese characters, e.g. 易时代 for E时代, "
                            + "三维 for 3D."));
        }

        if (placeFirst && suffix != null && tradeNameAndIndustry(name, suffix).length() < 2) {
            problems.add(new LocalizedText(
                    zhWhich + "缺少字号和行业：在“北京”和组织形式之间依次写明字号和行业，"
                            + "例如“北京星河智联科技有限公司”中的“星河智联”和“科技”。",
                    enWhich + " lacks a trade name and industry: put them between 北京 and the legal form, as 星河智联 "
                            + "and 科技 in 北京星河智联科技有限公司."));
        }
        return List.copyOf(problems);
    }

    /** @return the legal form the name ends with, if it suits {@code form}; else {@code null} */
    private static String suffix(String name, Form form) {
        boolean jointStock = name.endsWith(JOINT_STOCK);
        return switch (form) {
            case SOLE_PROPRIETORSHIP, PARTNERSHIP -> "";
            case LIMITED_LIABILITY -> name.endsWith(LLC_LONG) ? LLC_LONG
                    : name.endsWith(LLC_SHORT) && !jointStock ? LLC_SHORT : null;
            case JOINT_STOCK -> jointStock ? JOINT_STOCK : null;
            case UNKNOWN -> jointStock ? JOINT_STOCK
                    : name.endsWith(LLC_LONG) ? LLC_LONG : name.endsWith(LLC_SHORT) ? LLC_SHORT : null;
        };
    }

    /** @return what lies between the place name (北京 or 北京市) and the legal form */
    private static String tradeNameAndIndustry(String name, String suffix) {
        int start = name.startsWith(PLACE + "市") ? PLACE.length() + 1 : PLACE.length();
        int end = name.length() - suffix.length();
        return end > start ? name.substring(start, end) : "";
    }
}
