package org.tanghulu.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.notify.Channel;

class ComposerTest {

    private static final Composer.Names NAMES = new Composer.Names() {
        @Override
        public LocalizedText group(String id) {
            return new LocalizedText("企业设立", "Enterprise establishment");
        }

        @Override
        public LocalizedText matter(String department, String matter) {
            return new LocalizedText("营业执照", "Business licence");
        }

        @Override
        public LocalizedText element(String group, String id) {
            return new LocalizedText("注册地址(" + id + ")", "Registered address (" + id + ")");
        }

        @Override
        public LocalizedText material(String department, String matter, String id) {
            return new LocalizedText("劳动合同", "Labour contracts");
        }
    };
    private final Composer composer = new Composer(Texts.shipped(), NAMES);
    private final Composer.Case withBoth = new Composer.Case(7, "TH20260302000007", "enterprise-establishment", "星河公司",
            " wang@example.cn ", "13800138000");

    @Test
    void aSubmissionIsToldByMailAndSmsInChineseWithEnglishBelow() {
        List<Composer.Draft> drafts = composer.compose(new Composer.Event(1, 7, null, "SUBMITTED", "x"), withBoth, null);
        assertEquals(List.of(Channel.EMAIL, Channel.SMS), drafts.stream().map(Composer.Draft::channel).toList());
        assertEquals("wang@example.cn", drafts.get(0).recipient());
        Texts.Message m = drafts.get(0).message();
        assertEquals("申请已受理，业务编号 TH20260302000007 / Application received, tracking number TH20260302000007", m.subject());
        assertTrue(m.body().startsWith("星河公司：\n\n您的申请已受理，业务编号 TH20260302000007，办理事项：企业设立。"), m.body());
        int english = m.body().indexOf("Dear 星河公司,");
        assertTrue(english > m.body().indexOf("请勿直接回复"), "English below the Chinese: " + m.body());
        assertTrue(m.body().contains("Your application was received, tracking number TH20260302000007, for: Enterprise establishment."),
                m.body());
        assertEquals("【糖葫芦政务】您的申请已受理，业务编号 TH20260302000007。\n"
                + "Your application was received, tracking number TH20260302000007.", m.sms());
        assertFalse(m.body().contains("{"), "every placeholder filled: " + m.body());
    }

    @Test
    void aCorrectionRequestNamesTheMatterTheMessageAndTheFields() {
        Composer.Task task = new Composer.Task("aic", "business-licence", "请更正注册地址。", List.of("registered-address"));
        Texts.Message m = composer.compose(new Composer.Event(2, 7, 11L, "CORRECTION_REQUESTED",
                "请更正注册地址。 Fields: [registered-address]; the clock is paused from 2026-03-03"), withBoth, task).get(0).message();
        assertTrue(m.body().contains("“营业执照”需要补正：\n请更正注册地址。\n需更正的项目：注册地址(registered-address)"), m.body());
        assertTrue(m.body().contains("\"Business licence\" needs a correction:\n请更正注册地址。\nTo correct: Registered address (registered-address)"),
                m.body());
        assertTrue(m.sms().contains("营业执照"), m.sms());
    }

    @Test
    void aCorrectionRequestNamesTheMaterialsToHandIn() {
        Composer.Task task = new Composer.Task("aic", "business-licence", "请补交劳动合同。", List.of(), List.of("contracts"));
        Texts.Message m = composer.compose(new Composer.Event(2, 7, 11L, "CORRECTION_REQUESTED", "请补交劳动合同。"), withBoth,
                task).get(0).message();
        assertTrue(m.body().contains("需更正的项目：无\n需补交的材料：劳动合同"), m.body());
        assertTrue(m.body().contains("To correct: none\nTo hand in: Labour contracts"), m.body());
    }

    @Test
    void theHandOverAtTheWindowIsToldWithItsReceipt() {
        assertTrue(composer.tells("CERTIFICATES_HANDED_OVER", null));
        assertFalse(composer.tells("ORIGINALS_CHECKED", null));
        Texts.Message m = composer.compose(new Composer.Event(5, 7, null, "CERTIFICATES_HANDED_OVER", null), withBoth, null,
                null, Map.of("receipt", "HJ-TH20260302000007")).get(0).message();
        assertEquals("业务编号 TH20260302000007：证照已在窗口领取 / Tracking number TH20260302000007: certificates collected at the window",
                m.subject());
        assertTrue(m.body().contains("回执编号 HJ-TH20260302000007") && m.body().contains("receipt HJ-TH20260302000007"), m.body());
        assertFalse(m.body().contains("{") || m.sms().contains("{"), m.body());
    }

    @Test
    void aMessageReplacedByALaterDecisionIsToldAsTheEventRecordedIt() {
        Composer.Task later = new Composer.Task("aic", "business-licence", "已核准。", List.of());
        Texts.Message m = composer.compose(new Composer.Event(2, 7, 11L, "CORRECTION_REQUESTED", "请补交租赁合同。"),
                withBoth, later).get(0).message();
        assertTrue(m.body().contains("请补交租赁合同。"), m.body());
        assertTrue(m.body().contains("需更正的项目：无") && m.body().contains("To correct: none"), m.body());
    }

    @Test
    void aMaterialReminderNamesTheMaterialTheMatterAndTheDeadline() {
        Composer.Task matter = new Composer.Task("aic", "business-licence", null, List.of());
        Texts.Message m = composer.compose(new Composer.Event(4, 7, null, "MATERIAL_REMINDER", null), withBoth, matter,
                new Composer.Awaited("contracts", java.time.LocalDate.parse("2026-06-11"))).get(0).message();
        assertTrue(m.subject().startsWith("业务编号 TH20260302000007：请按期补交“劳动合同”"), m.subject());
        assertTrue(m.body().contains("“营业执照”所需的材料“劳动合同”尚未补交。\n补交期限：2026-06-11（含当日）。"), m.body());
        assertTrue(m.body().contains("supply \"Labour contracts\" later, which \"Business licence\" needs")
                && m.body().contains("Deadline: 2026-06-11 (inclusive)."), m.body());
        assertEquals("【糖葫芦政务】业务编号 TH20260302000007：请于 2026-06-11 前补交“劳动合同”（营业执照），详见邮件或登录查询。\n"
                + "Application TH20260302000007: supply \"Labour contracts\" (Business licence) by 2026-06-11; see your mail or the portal.",
                m.sms());
        assertTrue(composer.tells("MATERIAL_REMINDER", null));
    }

    @Test
    void aRejectionGivesTheReasonAndOnlyTheCaseEventIsTold() {
        Composer.Task rejected = new Composer.Task("aic", "business-licence", "经营范围含禁止类项目。", List.of());
        Texts.Message m = composer.compose(new Composer.Event(3, 7, null, "REJECTED", "aic/business-licence rejected: ..."),
                withBoth, rejected).get(0).message();
        assertTrue(m.body().contains("“营业执照”未予批准，理由：\n经营范围含禁止类项目。"), m.body());
        assertTrue(m.body().contains("\"Business licence\" was rejected, for this reason:\n经营范围含禁止类项目。"), m.body());
        assertTrue(composer.tells("REJECTED", null));
        assertFalse(composer.tells("REJECTED", 11L), "the task's own rejection is told by the case's");
        assertTrue(composer.tells("COMPLETED", null));
        assertTrue(composer.tells("CORRECTION_REQUESTED", 11L));
        assertFalse(composer.tells("CLAIMED", 11L));
        assertFalse(composer.tells("TASK_CREATED", 11L));
    }

    @Test
    void noContactNoMessage() {
        Composer.Case none = new Composer.Case(8, "TH1", "g", "A", " ", null);
        assertEquals(List.of(), composer.compose(new Composer.Event(1, 8, null, "COMPLETED", null), none, null));
        Composer.Case phoneOnly = new Composer.Case(8, "TH1", "g", "A", null, "010-62551234");
        assertEquals(List.of(Channel.SMS), composer.compose(new Composer.Event(1, 8, null, "COMPLETED", null), phoneOnly, null)
                .stream().map(Composer.Draft::channel).toList());
    }

    @Test
    void aMissingValueIsAnError() {
        Texts texts = Texts.shipped();
        assertThrows(IllegalArgumentException.class, () -> texts.render("SUBMITTED", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> texts.render("NO_SUCH_EVENT", Map.of()));
    }

    @Test
    void recipientsAreMasked() {
        assertEquals("*******8000", Recipients.mask(Channel.SMS, "13800138000"));
        assertEquals("***-****1234", Recipients.mask(Channel.SMS, "010-62551234"));
        assertEquals("w***@xinghe-tech.cn", Recipients.mask(Channel.EMAIL, "wangqiang@xinghe-tech.cn"));
        assertEquals("***", Recipients.mask(Channel.EMAIL, "nonsense"));
    }
}
