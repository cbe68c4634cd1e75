package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * What the platform tells applicants when mail really goes out: its own platform with {@code etc/org.tanghulu.mail.cfg}
 * pointed at a real SMTP server in the test JVM (GreenMail), and {@code etc/org.tanghulu.cases.cfg} making a promised
 * material's reminder due at once ({@code materialReminderDays} as long as the deadline) with the sweep every 2 s
 * ({@code scheduler.period}). The receipt says the tracking number was e-mailed (and the mail arrives); a material
 * promised for later (容缺) is reminded of exactly once, by one mail naming it and its deadline and one
 * {@code MATERIAL_REMINDER} event, however many sweeps follow. The receipt without mail: {@code CaseDeskIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("long") // its own platform: about 90 s, once, in .ci/run's PostgreSQL step
class MailedNoticesIT {

    private static final String MINOR = "labour-contracts";
    private static final String MINOR_NAME = "职工名册及劳动合同（复印件）";
    private static final long SWEEP_SECONDS = 2;

    private GreenMail smtp;
    private Distribution karaf;
    private JsonNode demo;

    @BeforeAll
    void boot() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        karaf = new Distribution("mailed-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_mailed"));
        karaf.edit("org.tanghulu.mail.cfg", Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "from", "Tanghulu <noreply@tanghulu.test>"));
        // the deadline of the minor material is 10 working days after submission: reminded at once
        karaf.edit("org.tanghulu.cases.cfg", Map.of("materialReminderDays", "10", "scheduler.period",
                String.valueOf(SWEEP_SECONDS)));
        karaf.start();
        demo = karaf.demo("enterprise-establishment-application.json");
    }

    @AfterAll
    void shutdown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theReceiptSaysTheNumberWasEmailedAndItWas() throws Exception {
        HttpClient applicant = UploadsIT.client();
        UploadsIT.register(karaf, applicant, "mailed-" + Long.toHexString(System.nanoTime()));
        String page = UploadsIT.get(applicant, karaf.portal("/groups/enterprise-establishment/apply")).body();
        String tn = UploadsIT.submit(karaf, demo, applicant, UploadsIT.find(page, "name=\"csrf-token\" content=\"([^\"]+)\""),
                UploadsIT.find(page, "name=\"submissionKey\" value=\"([^\"]+)\""));
        String email = demo.get("contactEmail").asText();
        String masked = email.charAt(0) + "*".repeat(email.indexOf('@') - 1) + email.substring(email.indexOf('@'));

        String receipt = UploadsIT.get(applicant, karaf.portal("/cases/" + tn + "/receipt?lang=zh")).body();
        String sent = UploadsIT.find(receipt, "(?s)<ul id=\"receipt-sent\">(.*?)</ul>");
        assertTrue(sent.contains("业务编号已发送电子邮件至 " + masked), sent);
        assertFalse(sent.contains("短信"), "the shipped SMS gateway only logs: no text message is claimed: " + sent);
        assertFalse(receipt.contains("receipt-not-sent"), receipt);
        String english = UploadsIT.find(UploadsIT.get(applicant, karaf.portal("/cases/" + tn + "/receipt?lang=en")).body(),
                "(?s)<ul id=\"receipt-sent\">(.*?)</ul>");
        assertTrue(english.contains("The tracking number was sent by e-mail to " + masked), english);
        UploadsIT.get(applicant, karaf.portal("/?lang=zh"));

        // and it was: the mail with the number reached the address
        MimeMessage mail = awaitMails(tn, "申请已受理", 1).get(0);
        assertEquals(email, mail.getAllRecipients()[0].toString());
        assertTrue(((String) mail.getContent()).contains("业务编号 " + tn), (String) mail.getContent());
    }

    @Test
    void aPromisedMaterialIsRemindedOfOnceByMailAndEvent() throws Exception {
        Case first = submitPromising();
        String due = first.view().get("waits").get(0).get("due").asText();
        assertEquals(MINOR, first.view().get("waits").get(0).get("material").asText());

        MimeMessage reminder = awaitMails(first.tn(), "请按期补交", 1).get(0);
        assertEquals(demo.get("contactEmail").asText(), reminder.getAllRecipients()[0].toString());
        assertTrue(reminder.getSubject().contains("请按期补交“" + MINOR_NAME + "”"), reminder.getSubject());
        String body = (String) reminder.getContent();
        assertTrue(body.contains("材料“" + MINOR_NAME + "”尚未补交") && body.contains("补交期限：" + due), body);
        assertTrue(body.contains("Deadline: " + due), body);

        // later sweeps remind of a newer promise, never of the first again
        Case second = submitPromising();
        awaitMails(second.tn(), "请按期补交", 1);
        Thread.sleep(Duration.ofSeconds(3 * SWEEP_SECONDS + 4).toMillis()); // three more sweeps and a relay round
        assertEquals(1, mails(first.tn(), "请按期补交").size(), "one reminder mail for the first case");
        assertEquals(1, reminderEvents(first), "one MATERIAL_REMINDER event on the first case");
        assertEquals(1, reminderEvents(second), "one MATERIAL_REMINDER event on the second case");
        String listed = karaf.console("tanghulu:notifications -a " + first.tn());
        assertEquals(1, listed.lines().filter(l -> l.contains("MATERIAL_REMINDER") && l.contains("EMAIL")).count(), listed);
    }

    private record Case(String tn, String accessKey, JsonNode view) {
    }

    /** Submits the demo application over the API without the minor material, promising it for later. */
    private Case submitPromising() throws Exception {
        ObjectNode app = demo.deepCopy();
        app.put("submissionKey", UUID.randomUUID().toString());
        var materials = app.putArray("materials");
        demo.get("materials").forEach(m -> {
            if (!Set.of(MINOR, "bank-account-licence-copy").contains(m.asText())) {
                materials.add(m.asText());
            }
        });
        app.putArray("promised").add(MINOR);
        HttpResponse<String> r = karaf.send("POST", "/api/cases", Distribution.JSON.writeValueAsString(app));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode receipt = Distribution.JSON.readTree(r.body());
        String tn = receipt.get("trackingNumber").asText();
        String key = receipt.get("accessKey").asText();
        HttpResponse<String> view = karaf.send("GET", "/api/cases/" + tn, null, "X-Access-Key", key);
        assertEquals(200, view.statusCode(), view.body());
        return new Case(tn, key, Distribution.JSON.readTree(view.body()));
    }

    private long reminderEvents(Case c) throws Exception {
        HttpResponse<String> r = karaf.send("GET", "/api/cases/" + c.tn() + "/events", null, "X-Access-Key", c.accessKey());
        assertEquals(200, r.statusCode(), r.body());
        long n = 0;
        for (JsonNode e : Distribution.JSON.readTree(r.body())) {
            n += "MATERIAL_REMINDER".equals(e.get("type").asText()) ? 1 : 0;
        }
        return n;
    }

    /** @return the mails received so far whose subject names the case and contains {@code subject} */
    private List<MimeMessage> mails(String tn, String subject) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains(tn) && m.getSubject().contains(subject)) {
                found.add(m);
            }
        }
        return found;
    }

    private List<MimeMessage> awaitMails(String tn, String subject, int count) throws Exception {
        try {
            Distribution.await(Duration.ofSeconds(60), count + " mail(s) '" + subject + "' for " + tn,
                    () -> Distribution.is(true, () -> mails(tn, subject).size() >= count));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + karaf.console("tanghulu:notifications -a") + "\n"
                    + String.join("\n", karaf.logLines("org.tanghulu")), e);
        }
        return mails(tn, subject);
    }
}
