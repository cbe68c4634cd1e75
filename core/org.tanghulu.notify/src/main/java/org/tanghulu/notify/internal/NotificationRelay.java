package org.tanghulu.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.catalog.Registry;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.notify.Channel;
import org.tanghulu.notify.SmsGateway;

/**
 * Tells applicants of their cases: every few seconds (the Karaf scheduler's whiteboard runs it,
 * never two at once) turns new case events into notifications, then sends those that are due.
 * A failed attempt is tried again after 30 s, 1, 2 and 4 minutes, then the notification is
 * FAILED with the last error.
 */
@Component(service = Runnable.class, property = {"scheduler.name=tanghulu-notifications", "scheduler.period:Long=3",
        "scheduler.concurrent:Boolean=false"})
public class NotificationRelay implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRelay.class);
    static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final int SENDS_PER_ROUND = 100;

    private final Outbox outbox;
    private final SmtpMailer mailer;
    private final SmsGateway sms;
    private final Composer composer;

    @Activate
    public NotificationRelay(@Reference Outbox outbox, @Reference SmtpMailer mailer,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) SmsGateway sms, @Reference Registry registry,
            @Reference Procedures procedures) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.sms = sms;
        this.composer = new Composer(Texts.shipped(), names(registry, procedures));
    }

    @Override
    public void run() {
        try {
            int made = outbox.relay(composer, Instant.now());
            if (made > 0) {
                LOG.debug("{} notification(s) made", made);
            }
            deliver();
        } catch (RuntimeException e) {
            LOG.warn("Notifications not relayed this round: {}", e.toString(), e);
        }
    }

    private void deliver() {
        Set<Channel> ready = mailer.configured() ? EnumSet.allOf(Channel.class) : EnumSet.of(Channel.SMS);
        for (Outbox.Due d : outbox.due(ready, Instant.now(), SENDS_PER_ROUND)) {
            try {
                if (d.channel() == Channel.EMAIL) {
                    mailer.send(d.recipient(), d.subject(), d.body());
                } else {
                    sms.send(d.recipient(), d.body());
                }
                outbox.sent(d.id(), Instant.now());
            } catch (Exception e) {
                int attempt = d.attempts() + 1;
                Instant retry = attempt >= MAX_ATTEMPTS ? null : Instant.now().plus(FIRST_RETRY.multipliedBy(1L << (attempt - 1)));
                LOG.warn("{} notification {} to {}: attempt {} of {} failed{}: {}", d.channel(), d.id(),
                        Recipients.mask(d.channel(), d.recipient()), attempt, MAX_ATTEMPTS,
                        retry == null ? ", given up" : ", tried again at " + retry, e.toString());
                outbox.failed(d.id(), e.toString(), retry);
            }
        }
    }

    /** Names as the departments and groups present now give them (a field's by its group's form); ids for those not installed. */
    private static Composer.Names names(Registry registry, Procedures procedures) {
        return new Composer.Names() {
            @Override
            public LocalizedText group(String id) {
                return registry.functionGroups().stream().filter(g -> g.group().id().equals(id)).findFirst()
                        .map(g -> g.group().name()).orElse(new LocalizedText(id, id));
            }

            @Override
            public LocalizedText matter(String department, String matter) {
                MatterKey key = new MatterKey(department, matter);
                return matterOf(key).map(Matter::name).orElse(new LocalizedText(key.toString(), key.toString()));
            }

            @Override
            public LocalizedText material(String department, String matter, String id) {
                // the matter's own first; a correction may ask for a material another matter of the group defines
                return matterOf(new MatterKey(department, matter)).stream().flatMap(m -> m.materials().stream())
                        .filter(m -> m.id().equals(id)).findFirst().map(Material::name)
                        .or(() -> registry.matters().stream().flatMap(e -> java.util.stream.Stream.concat(
                                e.matter().materials().stream(), e.matter().certificates().stream()))
                                .filter(m -> m.id().equals(id)).findFirst().map(Material::name))
                        .orElse(new LocalizedText(id, id));
            }

            private Optional<Matter> matterOf(MatterKey key) {
                return registry.matters().stream().filter(m -> m.key().equals(key)).findFirst().map(MatterEntry::matter);
            }

            @Override
            public LocalizedText element(String group, String id) {
                return procedures.form(group, Map.of()).stream().flatMap(f -> f.fields().stream())
                        .filter(f -> f.element().equals(id)).findFirst().map(UnifiedForm.Field::label)
                        .orElse(new LocalizedText(id, id));
            }
        };
    }
}
