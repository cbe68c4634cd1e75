package org.tanghulu.notify;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The notifications the platform made for applicants. Reads the database; safe from any thread. */
@ProviderType
public interface Notifications {

    /**
     * @param trackingNumber one case's notifications, or {@code null} for every case's
     * @param all also those already {@link NotificationStatus#SENT}; otherwise only pending and failed ones
     * @return newest first, at most 1000
     */
    List<NotificationView> list(String trackingNumber, boolean all);
}
