package org.tanghulu.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends text messages to applicants' phones. The platform ships one that only writes them to the
 * log; a real provider's gateway is a bundle that registers this service with a higher
 * {@code service.ranking} (the platform takes the highest-ranked one).
 */
@ConsumerType
public interface SmsGateway {

    /**
     * Sends one message. Called on the notification thread, never on a request thread; must
     * give up within seconds (a timeout of the provider's client).
     *
     * @param phoneNumber the number as the applicant gave it
     * @param text the message, Chinese first, then English on its own line
     * @throws Exception if the message was not accepted; it is tried again later
     */
    void send(String phoneNumber, String text) throws Exception;
}
