package org.tanghulu.notify;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which channels reach applicants now, so that a page tells an applicant only what is really sent.
 * Answers from the configuration in force; safe from any thread.
 *
 * @since 1.1
 */
@ProviderType
public interface NotificationChannels {

    /**
     * @return {@link Channel#EMAIL} when an SMTP server is configured ({@code etc/org.tanghulu.mail.cfg}),
     *         {@link Channel#SMS} when an SMS provider's {@link SmsGateway} is installed (the shipped
     *         gateway only writes to the log and does not count); empty when neither
     */
    Set<Channel> delivering();
}
