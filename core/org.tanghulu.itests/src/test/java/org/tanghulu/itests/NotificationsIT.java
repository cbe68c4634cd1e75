package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Applicants are told by e-mail and SMS: a real SMTP server (GreenMail) in the test JVM, the
 * platform's {@code etc/org.tanghulu.mail.cfg} pointed at it, the demo application submitted
 * over HTTP and a correction requested by an officer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("long") // once, in .ci/run's PostgreSQL step: keeps the README's test command under 10 minutes
class NotificationsIT {

    private static final String OFFICER = "officer-aic";
    /** Long enough for a first attempt that failed and its retry 30 s later (the relay runs every 3 s). */
    private static final Duration MAIL_WAIT = Duration.ofSeconds(120);

    private GreenMail smtp;
    private Distribution karaf;

    @BeforeAll
    void boot() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        karaf = new Distribution("notifications-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_notifications"));
        karaf.edit("org.tanghulu.mail.cfg", Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "from", "Tanghulu <noreply@tanghulu.test>"));
        karaf.staff(OFFICER, OFFICER);
        karaf.start();
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
    void theApplicantIsToldTheTrackingNumberAndWhatToCorrect() throws Exception {
        ObjectNode application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        application.put("submissionKey", UUID.randomUUID().toString());
        String email = application.get("contactEmail").asText();
        String phone = application.get("contactPhone").asText();
        HttpResponse<String> submitted = karaf.send("POST", "/api/cases", Distribution.JSON.writeValueAsString(application));
        assertEquals(201, submitted.statusCode(), submitted.body());
        String trackingNumber = Distribution.JSON.readTree(submitted.body()).get("trackingNumber").asText();

        // 1. the tracking number, by mail to the contact address
        MimeMessage first = awaitMail(1).get(0);
        assertEquals(email, first.getAllRecipients()[0].toString());
        assertTrue(first.getSubject().contains(trackingNumber), first.getSubject());
        String body = (String) first.getContent();
        assertTrue(body.contains("您的申请已受理，业务编号 " + trackingNumber), body);
        assertTrue(body.contains("Your application was received, tracking number " + trackingNumber), body);

        // 2. an officer asks for a correction: a second mail names the matter's request
        String message = "企业名称含有禁用字词，请更正企业名称。";
        long task = aicTask(trackingNumber);
        assertEquals(200, karaf.send("POST", "/api/tasks/" + task + "/claim", null, auth()).statusCode());
        HttpResponse<String> requested = karaf.send("POST", "/api/tasks/" + task + "/decision", Distribution.JSON
                .writeValueAsString(Map.of("kind", "REQUEST_CORRECTION", "message", message, "fields", List.of("enterprise-name"))),
                auth());
        assertEquals(200, requested.statusCode(), requested.body());
        MimeMessage second = awaitMail(2).get(1);
        assertEquals(email, second.getAllRecipients()[0].toString());
        assertTrue(second.getSubject().contains(trackingNumber) && second.getSubject().contains("请补正"), second.getSubject());
        String correction = (String) second.getContent();
        assertTrue(correction.contains(message), correction);
        assertTrue(correction.contains("needs a correction"), correction);

        // 3. the SMS went through the logging gateway, the number masked; the console lists both channels as sent
        String masked = "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
        Distribution.await(Duration.ofSeconds(30), "two SMS lines in the log",
                () -> Distribution.is(2L, () -> karaf.logCount("SMS to " + masked)));
        assertEquals(0, karaf.logCount(phone), "the full number is never logged");
        String listed = karaf.console("tanghulu:notifications -a " + trackingNumber);
        assertEquals(4, listed.lines().filter(l -> l.contains(trackingNumber) && l.contains("SENT")).count(), listed);
        assertTrue(listed.contains(masked) && listed.contains("w***@xinghe-tech.cn"), listed);
        assertTrue(listed.contains("CORRECTION_REQUESTED"), listed);
        assertTrue(karaf.console("tanghulu:notifications " + trackingNumber).contains("No pending or failed notification"),
                "nothing left to send");
    }

    private List<MimeMessage> awaitMail(int count) throws Exception {
        try {
            Distribution.await(MAIL_WAIT, count + " mail(s) at the SMTP server", () -> smtp.getReceivedMessages().length >= count);
        } catch (AssertionError e) {
            // what the platform made and tried, and what its notification and mail code logged
            throw new AssertionError(e.getMessage() + "\n" + karaf.console("tanghulu:notifications -a") + "\n"
                    + String.join("\n", karaf.logLines("org.tanghulu.notify")), e);
        }
        return List.of(smtp.getReceivedMessages());
    }

    private long aicTask(String trackingNumber) throws Exception {
        HttpResponse<String> tasks = karaf.send("GET", "/api/tasks?department=aic", null, auth());
        assertEquals(200, tasks.statusCode(), tasks.body());
        for (JsonNode t : Distribution.JSON.readTree(tasks.body())) {
            if (t.get("trackingNumber").asText().equals(trackingNumber)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no aic task for " + trackingNumber + ": " + tasks.body());
    }

    private String[] auth() throws java.io.IOException {
        return new String[] {"Authorization", karaf.staffAuthorization(OFFICER)};
    }
}
