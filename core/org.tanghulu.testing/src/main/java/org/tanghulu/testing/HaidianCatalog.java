package org.tanghulu.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LegacyForm;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.Validation;

/**
 * A synthetic catalog at Haidian's scale (issue 13): 35 departments {@code hd01}..{@code hd35} with 1,578 matters
 * in all, and 256 function groups {@code hd-g001-…} in {@value #GROUP_BUNDLES} group bundles. Deterministic: the
 * same seed gives the same catalog, byte for byte.
 *
 * <p>What it is made to satisfy, so that the platform accepts all of it:
 * <ul>
 * <li>Every matter is clear (legal basis, applicant types, materials, forms, statutory ≥ promised days).</li>
 * <li>Form items are mostly elements of the platform's shared dictionary ({@link #SHARED_ELEMENTS}, the ids of
 * {@code org.tanghulu.catalog}'s {@code dictionary.json}), plus a few of the department's own.</li>
 * <li>Every matter has a random global rank. A predecessor always has a lower rank than the matter naming it, and so
 * does every producer of an element a matter asks for: dictionary outputs ({@link #PRODUCED_ELEMENTS}) are produced
 * only by matters of rank below {@value #PRODUCER_RANKS}, which ask for none of them, and asked for only by matters
 * of that rank or above; a department's own outputs are asked for only by its later-ranked matters. So predecessors
 * and data flow together form one DAG across departments, and every group's flow chart is acyclic.</li>
 * </ul>
 * Test scope only, like the rest of this module: never part of the distribution.
 */
public final class HaidianCatalog {

    public static final long SEED = 20_261_203L;
    public static final int DEPARTMENTS = 35;
    public static final int MATTERS = 1_578;
    public static final int GROUPS = 256;
    public static final int GROUP_BUNDLES = 4;
    /** Matters of a rank below this may produce the {@link #PRODUCED_ELEMENTS}; those of this rank or above may ask for them. */
    static final int PRODUCER_RANKS = 300;

    /** The ids of the shared dictionary's elements that applicants fill in (org.tanghulu.catalog's dictionary.json). */
    public static final List<String> SHARED_ELEMENTS = List.of("enterprise-name", "enterprise-type", "registered-capital",
            "business-scope", "main-products", "industry-code", "registered-address", "business-address", "postal-code",
            "enterprise-phone", "enterprise-website", "legal-representative-name", "legal-representative-id-number",
            "legal-representative-phone", "contact-person-name", "contact-person-id-number", "contact-phone",
            "contact-email", "investors", "number-of-employees", "operating-term-years", "competent-authority",
            "planned-annual-revenue", "bank-name", "bank-account-number", "accounting-system", "accounting-method",
            "financial-officer-name", "financial-officer-id-number", "financial-officer-phone", "tax-agent-name",
            "tax-agent-id-number", "tax-agent-phone");
    /** The shared dictionary's elements that matters produce (a registration number, a code). */
    public static final List<String> PRODUCED_ELEMENTS = List.of("business-registration-number", "establishment-date",
            "high-tech-certificate-number", "organization-code");

    /** The record fields only, without nulls: what a vendor writes in department.json. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE) // LocalizedText.isPresent()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final String[][] BUREAUS = {
        {"发展和改革委员会", "Development and Reform Commission", "development"},
        {"教育委员会", "Education Commission", "education"},
        {"科学技术委员会", "Science and Technology Commission", "science"},
        {"经济和信息化委员会", "Economy and Informatization Commission", "economy"},
        {"民族宗教事务办公室", "Ethnic and Religious Affairs Office", "ethnic"},
        {"公安分局", "Public Security Sub-bureau", "police"},
        {"民政局", "Civil Affairs Bureau", "civil"},
        {"司法局", "Justice Bureau", "justice"},
        {"财政局", "Finance Bureau", "finance"},
        {"人力资源和社会保障局", "Human Resources and Social Security Bureau", "labour"},
        {"规划和自然资源分局", "Planning and Natural Resources Sub-bureau", "planning"},
        {"生态环境局", "Ecology and Environment Bureau", "environment"},
        {"住房和城乡建设委员会", "Housing and Urban-Rural Development Commission", "housing"},
        {"城市管理委员会", "Urban Management Commission", "urban"},
        {"交通支队", "Traffic Detachment", "traffic"},
        {"水务局", "Water Affairs Bureau", "water"},
        {"农业农村局", "Agriculture and Rural Affairs Bureau", "agriculture"},
        {"商务局", "Commerce Bureau", "commerce"},
        {"文化和旅游局", "Culture and Tourism Bureau", "culture"},
        {"卫生健康委员会", "Health Commission", "health"},
        {"退役军人事务局", "Veterans Affairs Bureau", "veterans"},
        {"应急管理局", "Emergency Management Bureau", "emergency"},
        {"市场监督管理局", "Market Regulation Bureau", "market"},
        {"体育局", "Sports Bureau", "sports"},
        {"统计局", "Statistics Bureau", "statistics"},
        {"医疗保障局", "Medical Security Bureau", "medical"},
        {"园林绿化局", "Landscaping and Greening Bureau", "greening"},
        {"人民防空办公室", "Civil Air Defence Office", "air-defence"},
        {"档案局", "Archives Bureau", "archives"},
        {"地方金融监督管理局", "Local Financial Supervision Bureau", "financial"},
        {"税务局", "Tax Bureau", "tax"},
        {"消防救援支队", "Fire and Rescue Detachment", "fire"},
        {"气象局", "Meteorological Bureau", "weather"},
        {"残疾人联合会", "Disabled Persons' Federation", "disability"},
        {"中关村科学城管理委员会", "Zhongguancun Science City Administrative Committee", "zgc"},
    };

    private static final String[][] KINDS = {
        {"licence", "许可", "licence"}, {"permit", "审批", "approval"}, {"registration", "登记", "registration"},
        {"filing", "备案", "filing"}, {"certification", "认定", "certification"}, {"change", "变更", "change"},
        {"renewal", "延续", "renewal"}, {"cancellation", "注销", "cancellation"}, {"inspection", "核验", "inspection"},
        {"subsidy", "补贴申领", "subsidy claim"},
    };

    private static final String[][] OBJECTS = {
        {"食品经营", "food business"}, {"餐饮服务", "catering service"}, {"建设工程规划", "construction planning"},
        {"施工", "construction works"}, {"排污", "pollutant discharge"}, {"医疗机构执业", "medical practice"},
        {"民办学校", "private school"}, {"人力资源服务", "human resources service"}, {"劳务派遣", "labour dispatch"},
        {"道路运输", "road transport"}, {"出租汽车", "taxi operation"}, {"户外广告设置", "outdoor advertising"},
        {"占道施工", "road occupation"}, {"取水", "water abstraction"}, {"林木采伐", "tree felling"},
        {"娱乐场所", "entertainment venue"}, {"网吧", "internet café"}, {"旅行社", "travel agency"},
        {"药品零售", "drug retail"}, {"医疗器械经营", "medical device business"}, {"危险化学品经营", "hazardous chemicals business"},
        {"烟花爆竹零售", "fireworks retail"}, {"公众聚集场所", "public assembly venue"}, {"养老机构", "elderly care home"},
        {"社会团体", "social organization"}, {"民办非企业单位", "private non-enterprise unit"}, {"出版物零售", "publication retail"},
        {"体育经营", "sports business"}, {"高危险性体育项目", "high-risk sports"}, {"人防工程使用", "civil air defence works use"},
        {"档案寄存", "archive deposit"}, {"融资担保", "financing guarantee"}, {"小额贷款", "microcredit"},
        {"气象探测", "meteorological observation"}, {"残疾人就业", "employment of disabled persons"},
        {"创业担保贷款", "start-up guarantee loan"}, {"职业技能培训", "vocational training"},
        {"技术合同", "technology contract"}, {"外贸经营", "foreign trade"}, {"农药经营", "pesticide business"},
        {"动物诊疗", "animal clinic"}, {"二次供水", "secondary water supply"}, {"公共场所卫生", "public place hygiene"},
        {"生育登记", "birth registration"}, {"居住证", "residence permit"}, {"优抚对象", "entitled groups"},
    };

    private static final String[] LAWS = {
        "《中华人民共和国行政许可法》", "《中华人民共和国食品安全法》", "《中华人民共和国城乡规划法》",
        "《中华人民共和国建筑法》", "《中华人民共和国环境保护法》", "《中华人民共和国水污染防治法》",
        "《医疗机构管理条例》", "《中华人民共和国民办教育促进法》", "《人力资源市场暂行条例》",
        "《劳务派遣行政许可实施办法》", "《中华人民共和国道路运输条例》", "《北京市市容环境卫生条例》",
        "《中华人民共和国水法》", "《中华人民共和国森林法》", "《娱乐场所管理条例》", "《旅行社条例》",
        "《中华人民共和国药品管理法》", "《医疗器械监督管理条例》", "《危险化学品安全管理条例》",
        "《烟花爆竹安全管理条例》", "《中华人民共和国消防法》", "《养老机构管理办法》", "《社会团体登记管理条例》",
        "《出版管理条例》", "《全民健身条例》", "《中华人民共和国人民防空法》", "《中华人民共和国档案法》",
        "《融资担保公司监督管理条例》", "《中华人民共和国气象法》", "《残疾人就业条例》",
        "《中华人民共和国就业促进法》", "《中华人民共和国促进科技成果转化法》", "《中华人民共和国对外贸易法》",
        "《农药管理条例》", "《中华人民共和国动物防疫法》", "《公共场所卫生管理条例》",
        "《北京市人口与计划生育条例》", "《居住证暂行条例》", "《军人抚恤优待条例》", "《中华人民共和国统计法》",
    };

    private static final String[][] MATERIALS = {
        {"business-licence-copy", "营业执照副本（原件及复印件）", "Business licence duplicate (original and copy)"},
        {"legal-representative-id-copy", "法定代表人居民身份证（原件及复印件）", "Legal representative's identity card (original and copy)"},
        {"contact-person-id-copy", "经办人居民身份证（原件及复印件）", "Identity card of the person handling the matter"},
        {"applicant-id-card-copy", "申请人居民身份证复印件", "Copy of the applicant's identity card"},
        {"household-register-copy", "户口簿复印件", "Copy of the household register"},
        {"premises-use-proof", "住所（经营场所）使用证明", "Proof of the right to use the premises"},
        {"articles-of-association", "公司章程", "Articles of association"},
        {"floor-plan", "场所平面布局图", "Floor plan of the premises"},
        {"safety-management-rules", "安全管理制度", "Safety management rules"},
        {"staff-qualification-certificates", "从业人员资格证明", "Staff qualification certificates"},
        {"power-of-attorney", "授权委托书", "Power of attorney"},
        {"lease-contract", "房屋租赁合同", "Lease contract"},
        {"environmental-assessment-approval", "环境影响评价批复", "Approval of the environmental impact assessment"},
        {"fire-safety-inspection-opinion", "消防安全检查意见书", "Fire safety inspection opinion"},
        {"financial-statements", "上一年度财务报表", "Last year's financial statements"},
        {"equipment-list", "主要设备清单", "List of main equipment"},
        {"health-certificates", "从业人员健康证明", "Staff health certificates"},
        {"project-proposal", "项目建议书", "Project proposal"},
        {"site-photos", "现场照片", "Photographs of the site"},
        {"bank-account-licence-copy", "开户许可证复印件", "Copy of the bank account licence"},
    };

    private static final String[][] THEMES = {
        {"开办餐饮店", "Open a restaurant"}, {"开办便利店", "Open a convenience store"}, {"开办药店", "Open a pharmacy"},
        {"开办诊所", "Open a clinic"}, {"开办民办学校", "Open a private school"}, {"开办养老机构", "Open an elderly care home"},
        {"开办旅行社", "Open a travel agency"}, {"开办健身房", "Open a gym"}, {"开办网吧", "Open an internet café"},
        {"开办书店", "Open a bookshop"}, {"开办托育机构", "Open a childcare centre"}, {"开办汽车维修店", "Open a car repair shop"},
        {"新建厂房", "Build a factory"}, {"新建住宅项目", "Build a housing project"}, {"装修改造", "Renovate premises"},
        {"设置户外广告", "Put up outdoor advertising"}, {"举办大型活动", "Hold a large event"}, {"企业迁入海淀", "Move an enterprise to Haidian"},
        {"企业注销", "Close an enterprise"}, {"企业变更", "Change an enterprise's registration"}, {"高新技术企业认定", "High-tech enterprise recognition"},
        {"科技成果转化", "Technology transfer"}, {"引进人才落户", "Settle recruited talent"}, {"员工招聘", "Recruit staff"},
        {"出生", "A child is born"}, {"入学", "Start school"}, {"结婚", "Get married"}, {"退休", "Retire"},
        {"身后事", "After a death"}, {"残疾人帮扶", "Support for a disabled person"}, {"退役军人安置", "Resettle a veteran"},
        {"申请公租房", "Apply for public rental housing"}, {"创业补贴", "Start-up subsidy"}, {"对外贸易备案", "Register for foreign trade"},
        {"危险化学品经营", "Trade in hazardous chemicals"}, {"开办宠物医院", "Open a pet clinic"},
    };

    private static final String[][] VARIANTS = {
        {"个体工商户", "sole proprietor"}, {"有限责任公司", "limited liability company"}, {"分支机构", "branch"},
        {"连锁经营", "chain"}, {"中关村示范区", "Zhongguancun zone"}, {"外商投资", "foreign-invested"},
        {"简易程序", "simplified procedure"}, {"告知承诺", "notification and commitment"},
    };

    private static final int[] STATUTORY = {5, 7, 10, 15, 20, 30, 45, 60};

    /** A matter while the catalog is made: its place, its rank and what it produces. */
    private static final class Slot {
        final int department;
        final int index;
        final String id;
        int rank;
        String producedShared;
        String ownOutput;
        Matter matter;

        Slot(int department, int index, String id) {
            this.department = department;
            this.index = index;
            this.id = id;
        }

        String key() {
            return departmentId(department) + "/" + id;
        }
    }

    /**
     * The catalog.
     *
     * @param departments {@code hd01}..{@code hd35}
     * @param groupBundles the function groups, as the {@value #GROUP_BUNDLES} bundles contribute them
     */
    public record Catalog(List<DepartmentDefinition> departments, List<List<FunctionGroup>> groupBundles) {

        /** @return all function groups */
        public List<FunctionGroup> groups() {
            return groupBundles.stream().flatMap(List::stream).toList();
        }

        /** @return the number of matters of all departments */
        public int matters() {
            return departments.stream().mapToInt(d -> d.matters().size()).sum();
        }
    }

    private HaidianCatalog() {
    }

    /** @return the department's id, {@code hd01}..{@code hd35} */
    public static String departmentId(int index) {
        return String.format("hd%02d", index + 1);
    }

    /** @return the catalog of {@link #SEED} */
    public static Catalog generate() {
        return generate(SEED);
    }

    public static Catalog generate(long seed) {
        Random rnd = new Random(seed);
        List<Slot> slots = new ArrayList<>();
        List<List<Slot>> byDepartment = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            int count = MATTERS / DEPARTMENTS + (d < MATTERS % DEPARTMENTS ? 1 : 0);
            List<Slot> own = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Slot s = new Slot(d, i, KINDS[rnd.nextInt(KINDS.length)][0] + String.format("-%02d", i + 1));
                own.add(s);
                slots.add(s);
            }
            byDepartment.add(own);
        }
        List<Slot> ranked = new ArrayList<>(slots);
        Collections.shuffle(ranked, rnd);
        for (int r = 0; r < ranked.size(); r++) {
            ranked.get(r).rank = r;
        }
        for (Slot s : slots) {
            if (s.rank < PRODUCER_RANKS && rnd.nextInt(4) == 0) {
                s.producedShared = PRODUCED_ELEMENTS.get(rnd.nextInt(PRODUCED_ELEMENTS.size()));
            } else if (rnd.nextInt(100) < 45) {
                s.ownOutput = departmentId(s.department) + "-" + s.id + "-number";
            }
        }
        List<DepartmentDefinition> departments = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            departments.add(department(d, byDepartment.get(d), ranked, rnd));
        }
        return new Catalog(List.copyOf(departments), groups(ranked, departments, rnd));
    }

    private static DepartmentDefinition department(int d, List<Slot> own, List<Slot> ranked, Random rnd) {
        String id = departmentId(d);
        String[] bureau = BUREAUS[d];
        List<DataElement> elements = new ArrayList<>();
        List<String> applicantElements = new ArrayList<>();
        int count = 5 + rnd.nextInt(5);
        for (int i = 0; i < count; i++) {
            DataElement e = ownElement(id + "-" + bureau[2] + "-item-" + (i + 1), i, bureau, rnd);
            elements.add(e);
            applicantElements.add(e.id());
        }
        for (Slot s : own) {
            if (s.ownOutput != null) {
                elements.add(new DataElement(s.ownOutput, DataType.TEXT,
                        new LocalizedText(bureau[0] + "文号（" + s.id + "）", "Reference number of " + s.id),
                        new LocalizedText("办结后由" + bureau[0] + "出具的文号，例如“海" + bureau[0].charAt(0) + "〔2026〕18号”。",
                                "The reference number the " + bureau[1] + " issues when the matter is done."),
                        new Validation(true, 4, 40, null, null, null, null)));
            }
        }
        List<Matter> matters = new ArrayList<>();
        for (Slot s : own) {
            s.matter = matter(s, own, ranked, applicantElements, bureau, rnd);
            matters.add(s.matter);
        }
        return new DepartmentDefinition(id, new LocalizedText("北京市海淀区" + bureau[0], "Haidian District " + bureau[1]),
                elements, matters);
    }

    private static DataElement ownElement(String id, int i, String[] bureau, Random rnd) {
        String zh = bureau[0] + "申报事项" + (i + 1);
        String en = bureau[1] + " declaration item " + (i + 1);
        return switch (i % 5) {
            case 0 -> new DataElement(id, DataType.TEXT, new LocalizedText(zh + "说明", en + " (text)"),
                    new LocalizedText("按实际情况如实填写，不超过200字。", "Describe the facts truthfully, 200 characters at most."),
                    new Validation(true, 2, 200, null, null, null, null));
            case 1 -> new DataElement(id, DataType.INTEGER, new LocalizedText(zh + "数量", en + " (count)"),
                    new LocalizedText("只填整数，例如“12”。", "A whole number, e.g. \"12\"."),
                    new Validation(true, null, null, null, BigDecimal.ZERO, BigDecimal.valueOf(100_000), null));
            case 2 -> new DataElement(id, DataType.DATE, new LocalizedText(zh + "日期", en + " (date)"),
                    new LocalizedText("格式为年-月-日，例如“2026-12-03”。", "As year-month-day, e.g. 2026-12-03."),
                    new Validation(true, null, null, null, null, null, null));
            case 3 -> new DataElement(id, DataType.CHOICE, new LocalizedText(zh + "类别", en + " (category)"),
                    new LocalizedText("从列表中选择最接近的一项。", "Choose the closest from the list."),
                    new Validation(true, null, null, null, null, null, List.of("甲类", "乙类", "丙类", "其他")));
            default -> new DataElement(id, rnd.nextBoolean() ? DataType.DECIMAL : DataType.BOOLEAN,
                    new LocalizedText(zh + "情况", en + " (figure)"),
                    new LocalizedText("如实填写；金额以元为单位。", "Give the fact; amounts in yuan."),
                    new Validation(false, null, null, null, null, null, null));
        };
    }

    private static Matter matter(Slot s, List<Slot> own, List<Slot> ranked, List<String> applicantElements,
            String[] bureau, Random rnd) {
        String[] kind = kind(s.id);
        String[] object = OBJECTS[rnd.nextInt(OBJECTS.length)];
        LocalizedText name = new LocalizedText(object[0] + kind[1], capitalised(object[1]) + " " + kind[2]);

        // predecessors: lower-ranked, half of them of the same department where there is one
        Set<String> predecessors = new LinkedHashSet<>();
        List<Slot> predecessorSlots = new ArrayList<>();
        if (s.rank > 0 && rnd.nextInt(100) < 60) {
            int n = 1 + rnd.nextInt(3);
            List<Slot> lowerOwn = own.stream().filter(o -> o.rank < s.rank).toList();
            for (int i = 0; i < n; i++) {
                Slot p = !lowerOwn.isEmpty() && rnd.nextBoolean() ? lowerOwn.get(rnd.nextInt(lowerOwn.size()))
                        : ranked.get(rnd.nextInt(s.rank));
                if (predecessors.add(p.department == s.department ? p.id : p.key())) {
                    predecessorSlots.add(p);
                }
            }
        }

        // forms: mostly shared elements, a few of the department's own, and outputs of earlier matters
        int forms = 1 + (rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(10) < 7 ? 1 : 2);
        List<LegacyForm> legacy = new ArrayList<>();
        for (int f = 0; f < forms; f++) {
            Set<String> items = new LinkedHashSet<>();
            int shared = 3 + rnd.nextInt(8);
            while (items.size() < shared) {
                items.add(SHARED_ELEMENTS.get(rnd.nextInt(SHARED_ELEMENTS.size())));
            }
            int ownItems = rnd.nextInt(3);
            for (int i = 0; i < ownItems; i++) {
                items.add(applicantElements.get(rnd.nextInt(applicantElements.size())));
            }
            if (rnd.nextInt(100) < 30) {
                String consumed = consumed(s, own, rnd);
                if (consumed != null) {
                    items.add(consumed);
                }
            }
            String formId = f == 0 ? s.id + "-application" : s.id + "-form-" + (f + 1);
            legacy.add(new LegacyForm(formId, new LocalizedText(f == 0 ? object[0] + kind[1] + "申请表"
                    : object[0] + kind[1] + "附表" + f, capitalised(object[1]) + " " + kind[2]
                    + (f == 0 ? " application form" : " schedule " + f)), List.copyOf(items)));
        }

        List<Material> materials = new ArrayList<>();
        materials.add(new Material(s.id + "-signed-application", new LocalizedText(
                "《" + object[0] + kind[1] + "申请表》（签字盖章）", "Signed " + object[1] + " " + kind[2] + " application")));
        int more = rnd.nextInt(5);
        Set<String> materialIds = new LinkedHashSet<>();
        for (int i = 0; i < more; i++) {
            String[] m = MATERIALS[rnd.nextInt(MATERIALS.length)];
            if (materialIds.add(m[0])) {
                materials.add(new Material(m[0], new LocalizedText(m[1], m[2])));
            }
        }
        for (Slot p : predecessorSlots) {
            if (hasOutput(p) && rnd.nextBoolean()) {
                Material c = certificate(p);
                if (materialIds.add(c.id())) {
                    materials.add(c);
                }
            }
        }

        List<String> outputs = s.producedShared != null ? List.of(s.producedShared)
                : s.ownOutput != null ? List.of(s.ownOutput) : List.of();
        List<Material> certificates = hasOutput(s) ? List.of(certificate(s)) : List.of();
        int statutory = STATUTORY[rnd.nextInt(STATUTORY.length)];
        int promised = Math.max(1, statutory * (30 + rnd.nextInt(71)) / 100);
        List<String> laws = new ArrayList<>(new LinkedHashSet<>(List.of(LAWS[rnd.nextInt(LAWS.length)],
                LAWS[rnd.nextInt(LAWS.length)], LAWS[rnd.nextInt(LAWS.length)]).subList(0, 1 + rnd.nextInt(3))));
        return new Matter(s.id, name, laws, applicantTypes(rnd), materials, legacy, outputs, certificates,
                List.copyOf(predecessors), statutory, promised);
    }

    /** @return an element produced by a lower-ranked matter that {@code s} may ask for, or {@code null} */
    private static String consumed(Slot s, List<Slot> own, Random rnd) {
        if (s.producedShared == null && s.rank >= PRODUCER_RANKS && rnd.nextBoolean()) {
            return PRODUCED_ELEMENTS.get(rnd.nextInt(PRODUCED_ELEMENTS.size()));
        }
        List<Slot> producers = own.stream().filter(o -> o.ownOutput != null && o.rank < s.rank).toList();
        return producers.isEmpty() ? null : producers.get(rnd.nextInt(producers.size())).ownOutput;
    }

    private static boolean hasOutput(Slot s) {
        return s.producedShared != null || s.ownOutput != null;
    }

    private static Material certificate(Slot s) {
        String[] bureau = BUREAUS[s.department];
        return new Material(departmentId(s.department) + "-" + s.id + "-certificate",
                new LocalizedText(bureau[0] + "出具的办结文书（" + s.id + "）", "Decision of the " + bureau[1] + " (" + s.id + ")"));
    }

    private static Set<ApplicantType> applicantTypes(Random rnd) {
        int r = rnd.nextInt(100);
        EnumSet<ApplicantType> types = EnumSet.of(r < 55 ? ApplicantType.ENTERPRISE : r < 85 ? ApplicantType.INDIVIDUAL
                : r < 93 ? ApplicantType.SOCIAL_ORGANIZATION : ApplicantType.PUBLIC_INSTITUTION);
        if (rnd.nextInt(100) < 35) {
            types.add(ApplicantType.values()[rnd.nextInt(ApplicantType.values().length)]);
        }
        return types;
    }

    private static List<List<FunctionGroup>> groups(List<Slot> ranked, List<DepartmentDefinition> departments,
            Random rnd) {
        Map<String, Slot> byKey = new HashMap<>();
        ranked.forEach(s -> byKey.put(s.key(), s));
        List<List<FunctionGroup>> bundles = new ArrayList<>();
        for (int b = 0; b < GROUP_BUNDLES; b++) {
            bundles.add(new ArrayList<>());
        }
        for (int g = 0; g < GROUPS; g++) {
            ApplicantType type = rnd.nextInt(100) < 60 ? ApplicantType.ENTERPRISE
                    : rnd.nextInt(100) < 75 ? ApplicantType.INDIVIDUAL : rnd.nextBoolean()
                            ? ApplicantType.SOCIAL_ORGANIZATION : ApplicantType.PUBLIC_INSTITUTION;
            List<Slot> open = ranked.stream().filter(s -> s.matter.applicantTypes().contains(type)).toList();
            int size = 2 + rnd.nextInt(14);
            // a chain: a matter and, transitively, its predecessors open to the type; then others to the size
            Set<Slot> chosen = new LinkedHashSet<>();
            List<Slot> frontier = new ArrayList<>(List.of(open.get(rnd.nextInt(open.size()))));
            while (!frontier.isEmpty() && chosen.size() < size - 1) {
                Slot s = frontier.remove(0);
                if (!chosen.add(s)) {
                    continue;
                }
                for (String p : s.matter.predecessors()) {
                    Slot ps = byKey.get(p.contains("/") ? p : departmentId(s.department) + "/" + p);
                    if (ps.matter.applicantTypes().contains(type)) {
                        frontier.add(ps);
                    }
                }
            }
            while (chosen.size() < size - 1) {
                chosen.add(open.get(rnd.nextInt(open.size())));
            }
            // the last one from another department if all so far are of one
            int first = chosen.iterator().next().department;
            boolean single = chosen.stream().allMatch(s -> s.department == first);
            Slot last;
            do {
                last = open.get(rnd.nextInt(open.size()));
            } while (chosen.contains(last) || single && last.department == first);
            chosen.add(last);
            List<Slot> members = chosen.stream().sorted(Comparator.comparingInt(s -> s.rank)).toList();
            String[] theme = THEMES[g % THEMES.length];
            String[] variant = VARIANTS[(g / THEMES.length) % VARIANTS.length];
            String id = String.format("hd-g%03d-", g + 1) + theme[1].toLowerCase().replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("-$", "");
            List<String> names = members.stream().limit(3).map(s -> s.matter.name().zh()).toList();
            List<LocalizedText> bureaus = members.stream().map(s -> s.department).distinct()
                    .map(d -> departments.get(d).name()).toList();
            LocalizedText name = new LocalizedText(theme[0] + "（" + variant[0] + "）",
                    theme[1] + " (" + variant[1] + ")");
            LocalizedText description = new LocalizedText(
                    theme[0] + "一件事：一次申请、一表填报，" + bureaus.size() + "个部门的" + members.size() + "个事项联办，包括"
                            + String.join("、", names) + "等。",
                    theme[1] + " in one go: one application and one form for " + members.size() + " matters of "
                            + bureaus.size() + " departments, among them " + String.join(", ", members.stream().limit(3)
                                    .map(s -> s.matter.name().en()).toList()) + ".");
            bundles.get(g % GROUP_BUNDLES).add(new FunctionGroup(id, 1, name, description, Set.of(type),
                    members.stream().map(Slot::key).toList()));
        }
        return bundles.stream().map(List::copyOf).toList();
    }

    private static String[] kind(String matterId) {
        for (String[] k : KINDS) {
            if (matterId.startsWith(k[0] + "-")) {
                return k;
            }
        }
        throw new IllegalStateException(matterId);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** @return the value as a definition resource would hold it (department.json, function-groups.json) */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
