package org.tanghulu.notify.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.catalog.validation.InputRules;

/** Sends plain-text UTF-8 mail through the SMTP server of {@code etc/org.tanghulu.mail.cfg} (JavaMail). */
@Component(service = SmtpMailer.class, configurationPid = "org.tanghulu.mail", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailConfig.class)
public class SmtpMailer {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private volatile Settings settings;

    private record Settings(Session session, String from, String username, String password) {
    }

    @Activate
    @Modified
    void configure(MailConfig config) {
        String host = config.host().strip();
        if (host.isEmpty()) {
            settings = null;
            LOG.warn("Mail is not configured (etc/org.tanghulu.mail.cfg: host is empty): e-mails to applicants "
                    + "are kept PENDING and sent once a mail server is set");
            return;
        }
        if (config.from().isBlank()) {
            settings = null;
            LOG.warn("Mail is not configured (etc/org.tanghulu.mail.cfg: from is empty): e-mails to applicants "
                    + "are kept PENDING and sent once a sender address is set");
            return;
        }
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", String.valueOf(config.port()));
        p.setProperty("mail.smtp.auth", String.valueOf(!config.username().isBlank()));
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(config.starttls()));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(config.starttls()));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(config.timeoutMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(config.timeoutMillis()));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(config.timeoutMillis()));
        settings = withMailClassLoader(() -> new Settings(Session.getInstance(p), config.from().strip(),
                config.username().strip(), config.password()));
        LOG.info("Mail to applicants goes through {}:{} from {}", host, config.port(), config.from().strip());
    }

    /** @return whether a mail server is configured */
    boolean configured() {
        return settings != null;
    }

    /**
     * Sends one mail; blocks at most about three timeouts.
     *
     * @throws MessagingException if the server did not take it
     * @throws IllegalStateException if no server is configured
     */
    void send(String to, String subject, String body) throws MessagingException {
        Settings s = settings;
        if (s == null) {
            throw new IllegalStateException("no mail server is configured");
        }
        if (!InputRules.isEmail(to)) {
            // cases stored before the contact rules, or edited in the database: never a list or a display name
            throw new AddressException("not exactly one plain e-mail address", to);
        }
        MimeMessage m = new MimeMessage(s.session());
        m.setFrom(new InternetAddress(s.from()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to.strip(), true));
        // encoded by JavaMail (RFC 2047); a control character or line break would end the header
        m.setSubject(subject.replaceAll("[\\p{Cntrl}\u2028\u2029]+", " "), StandardCharsets.UTF_8.name());
        m.setText(body, StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        MessagingException failure = withMailClassLoader(() -> {
            try {
                if (s.username().isEmpty()) {
                    Transport.send(m);
                } else {
                    Transport.send(m, s.username(), s.password());
                }
                return null;
            } catch (MessagingException e) {
                return e;
            }
        });
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * JavaMail finds its providers and the text/plain handler through the thread's context class
     * loader; in OSGi that must be the mail bundle's own.
     */
    private static <T> T withMailClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
