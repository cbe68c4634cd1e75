package org.tanghulu.notify.internal;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.notify.Channel;
import org.tanghulu.notify.SmsGateway;

/**
 * The gateway the platform ships: there is no SMS provider here, so a message is one INFO line
 * in the log, with the number masked. Ranked low, so that any real gateway wins.
 */
@Component(property = "service.ranking:Integer=-1000")
public class LogSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LogSmsGateway.class);

    @Override
    public void send(String phoneNumber, String text) {
        LOG.info("SMS to {} (logged only, no SMS gateway installed): {}", Recipients.mask(Channel.SMS, phoneNumber),
                text.replace("\n", " / "));
    }
}
