package org.tanghulu.notify.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tanghulu.notify.Channel;
import org.tanghulu.notify.NotificationChannels;
import org.tanghulu.notify.SmsGateway;

/** The channels that deliver now: mail with a configured server, SMS with a provider's gateway (not the log's). */
@Component
public class Channels implements NotificationChannels {

    private final SmtpMailer mailer;
    private final SmsGateway sms;

    @Activate
    public Channels(@Reference SmtpMailer mailer, @Reference(policyOption = ReferencePolicyOption.GREEDY) SmsGateway sms) {
        this.mailer = mailer;
        this.sms = sms;
    }

    @Override
    public Set<Channel> delivering() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (mailer.configured()) {
            channels.add(Channel.EMAIL);
        }
        if (!(sms instanceof LogSmsGateway)) {
            channels.add(Channel.SMS);
        }
        return channels;
    }
}
