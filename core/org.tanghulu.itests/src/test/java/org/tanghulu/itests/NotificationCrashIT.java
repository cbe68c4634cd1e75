package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A crash between a submission's commit and its mail loses no mail and sends none twice: the SMTP
 * server (GreenMail, real SMTP) is down while the demo application is submitted, so nothing can be
 * sent before the crash; the platform is killed with SIGKILL right after the 201, restarted with the
 * server up again, and the applicant gets exactly one mail with the tracking number.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationCrashIT {

    private int port;
    private GreenMail smtp;
    private Distribution karaf;

    @BeforeAll
    void boot() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        karaf = new Distribution("notification-crash-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_notification_crash"));
        karaf.edit("org.tanghulu.mail.cfg", Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "from", "Tanghulu <noreply@tanghulu.test>"));
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
    void killMinus9AfterTheSubmissionsCommitLosesNoMailAndSendsNoneTwice() throws Exception {
        ObjectNode application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        application.put("submissionKey", UUID.randomUUID().toString());
        String email = application.get("contactEmail").asText();
        HttpResponse<String> submitted = karaf.send("POST", "/api/cases", Distribution.JSON.writeValueAsString(application));
        karaf.kill();
        assertEquals(201, submitted.statusCode(), submitted.body());
        String trackingNumber = Distribution.JSON.readTree(submitted.body()).get("trackingNumber").asText();

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        karaf.start();
        Distribution.await(Duration.ofSeconds(120), "the submission's mail after the restart", () -> mails(trackingNumber) >= 1);
        // several relay rounds (every 3 s) later, still one
        Thread.sleep(15_000);
        assertEquals(1, mails(trackingNumber), "exactly one mail for " + trackingNumber);
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(trackingNumber))
                .findFirst().orElseThrow();
        assertEquals(email, mail.getAllRecipients()[0].toString());
        assertTrue(((String) mail.getContent()).contains(trackingNumber));
    }

    private long mails(String trackingNumber) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(trackingNumber)).count();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
