package org.tanghulu.exchange.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.Dossiers;
import org.tanghulu.exchange.Verification;

/**
 * The dossiers in the database. An entry is appended in one transaction with its case's head,
 * which is locked meanwhile and signed again; a message already recorded (same case event and
 * kind) is not appended twice. The SM2 key is made by the first node that needs it.
 */
@Component(service = {DossierStore.class, Dossiers.class})
public class DossierStore implements Dossiers {

    private static final Logger LOG = LoggerFactory.getLogger(DossierStore.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JpaTemplate jpa;
    private volatile SigningKey key;

    @Activate
    public DossierStore(@Reference ExchangeDatabase database) {
        this.jpa = database.jpa();
    }

    /**
     * Appends a case event's message to its case's dossier, unless the event's message of this kind is there.
     *
     * @param content the message; its sequence and hash are ignored (the chain gives them)
     * @return whether it was appended now
     */
    boolean append(String trackingNumber, long eventPosition, DossierEntry content) {
        return append(trackingNumber, eventPosition, null, content);
    }

    /**
     * Appends a message that is no case event (a request sent, a system's answer), unless the message
     * with this key is there.
     *
     * @param messageKey unique among all messages, e.g. {@code "answer:stats:ANSWER-ID"}
     * @return whether it was appended now
     */
    boolean append(String trackingNumber, String messageKey, DossierEntry content) {
        return append(trackingNumber, null, messageKey, content);
    }

    private boolean append(String trackingNumber, Long eventPosition, String messageKey, DossierEntry content) {
        try {
            return appendOnce(trackingNumber, eventPosition, messageKey, content);
        } catch (RuntimeException e) {
            // the case's first entry, appended by two threads or nodes at once: one made the head first
            boolean there = jpa.txExpr(TransactionType.Supports, em -> eventPosition != null
                    ? recorded(em, eventPosition, content.kind()) : recorded(em, messageKey));
            return !there && appendOnce(trackingNumber, eventPosition, messageKey, content);
        }
    }

    private boolean appendOnce(String trackingNumber, Long eventPosition, String messageKey, DossierEntry content) {
        SigningKey signing = key();
        return jpa.txExpr(TransactionType.Required, em -> {
            // the head's lock first: a message another node appends meanwhile is then seen below
            DossierHeadEntity head = em.find(DossierHeadEntity.class, trackingNumber, LockModeType.PESSIMISTIC_WRITE);
            if (eventPosition != null ? recorded(em, eventPosition, content.kind()) : recorded(em, messageKey)) {
                return false;
            }
            boolean first = head == null;
            if (first) {
                head = new DossierHeadEntity();
                head.trackingNumber = trackingNumber;
                head.hash = DossierChain.start(trackingNumber);
            }
            DossierEntry entry = new DossierEntry(head.entries + 1, content.at().truncatedTo(ChronoUnit.MILLIS), content.mode(),
                    content.direction(), content.department(), content.kind(), content.payload(), null);
            String hash = DossierChain.next(head.hash, entry);
            DossierEntryEntity row = new DossierEntryEntity();
            row.trackingNumber = trackingNumber;
            row.sequence = entry.sequence();
            row.eventPosition = eventPosition;
            row.messageKey = messageKey;
            row.at = entry.at();
            row.mode = entry.mode();
            row.direction = entry.direction();
            row.department = entry.department();
            row.kind = entry.kind();
            row.payload = entry.payload();
            row.hash = hash;
            em.persist(row);
            head.entries = entry.sequence();
            head.hash = hash;
            head.signature = HEX.formatHex(signing.sign(DossierChain.head(trackingNumber, head.entries, hash)));
            if (first) {
                em.persist(head);
            }
            return true;
        });
    }

    private static boolean recorded(EntityManager em, long eventPosition, String kind) {
        return !em.createQuery("select e.id from DossierEntryEntity e where e.eventPosition = :p and e.kind = :k", Long.class)
                .setParameter("p", eventPosition).setParameter("k", kind).getResultList().isEmpty();
    }

    private static boolean recorded(EntityManager em, String messageKey) {
        return !em.createQuery("select e.id from DossierEntryEntity e where e.messageKey = :k", Long.class)
                .setParameter("k", messageKey).getResultList().isEmpty();
    }

    @Override
    public List<DossierEntry> entries(String trackingNumber) {
        return jpa.txExpr(TransactionType.Supports, em -> rows(em, trackingNumber));
    }

    private static List<DossierEntry> rows(EntityManager em, String trackingNumber) {
        return em.createQuery("select e from DossierEntryEntity e where e.trackingNumber = :t order by e.sequence",
                DossierEntryEntity.class).setParameter("t", trackingNumber).getResultStream()
                .map(DossierEntryEntity::view).toList();
    }

    @Override
    public Verification verify(String trackingNumber) {
        SigningKey signing = key();
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<DossierEntry> entries = rows(em, trackingNumber);
            DossierHeadEntity head = em.find(DossierHeadEntity.class, trackingNumber);
            byte[] signature;
            try {
                signature = head == null ? null : HEX.parseHex(head.signature);
            } catch (IllegalArgumentException e) {
                signature = new byte[0]; // not hex: fails as a signature
            }
            String problem = DossierChain.verify(trackingNumber, entries, head == null ? 0 : head.entries,
                    head == null ? null : head.hash, signature, signing);
            return new Verification(trackingNumber, entries.size(), head == null ? 0 : head.entries, problem);
        });
    }

    @Override
    public String publicKey() {
        return key().publicHex();
    }

    @Override
    public String signedFile(String trackingNumber) {
        String key = publicKey();
        return jpa.txExpr(TransactionType.Supports, em -> {
            DossierHeadEntity head = em.find(DossierHeadEntity.class, trackingNumber);
            return DossierFile.write(trackingNumber, key, rows(em, trackingNumber), head == null ? 0 : head.entries,
                    head == null ? null : head.hash, head == null ? null : head.signature);
        });
    }

    /** The platform's key: read once, made by the first node that finds none. */
    SigningKey key() {
        SigningKey k = key;
        if (k != null) {
            return k;
        }
        KeyEntity stored = jpa.txExpr(TransactionType.Supports, em -> em.find(KeyEntity.class, KeyEntity.ID));
        if (stored == null) {
            SigningKey made = SigningKey.generate();
            try {
                jpa.tx(TransactionType.Required, em -> {
                    KeyEntity e = new KeyEntity();
                    e.id = KeyEntity.ID;
                    e.privateKey = made.privateHex();
                    e.publicKey = made.publicHex();
                    e.createdAt = Instant.now();
                    em.persist(e);
                });
                LOG.info("The platform's SM2 dossier key was made: {}", made);
            } catch (RuntimeException e) {
                LOG.debug("Another node made the key first", e);
            }
            stored = jpa.txExpr(TransactionType.Supports, em -> em.find(KeyEntity.class, KeyEntity.ID));
        }
        k = SigningKey.stored(stored.privateKey, stored.publicKey);
        key = k;
        return k;
    }
}
