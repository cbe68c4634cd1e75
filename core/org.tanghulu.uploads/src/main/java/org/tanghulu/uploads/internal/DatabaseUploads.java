package org.tanghulu.uploads.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tanghulu.uploads.Draft;
import org.tanghulu.uploads.FileType;
import org.tanghulu.uploads.Limits;
import org.tanghulu.uploads.Upload;
import org.tanghulu.uploads.UploadRefused;
import org.tanghulu.uploads.UploadRefused.Reason;
import org.tanghulu.uploads.Uploads;

/** {@link Uploads} on the bundle's own tables; limits from configuration {@code org.tanghulu.uploads}. */
@Component(configurationPid = DatabaseUploads.PID)
@Designate(ocd = DatabaseUploads.Config.class)
public class DatabaseUploads implements Uploads {

    static final String PID = "org.tanghulu.uploads";
    private static final String MATERIAL = "[A-Za-z0-9._-]{1,100}";
    private static final String APPLICANT = "applicant";

    @ObjectClassDefinition(name = "Tanghulu uploads")
    public @interface Config {
        @AttributeDefinition(description = "The largest file in bytes (10 MB)")
        long maxFileBytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "The most bytes of files per application or case (50 MB)")
        long maxTotalBytes() default 50L * 1024 * 1024;

        @AttributeDefinition(description = "The most files per application or case")
        int maxFiles() default 40;
    }

    private final UploadsDatabase database;
    private final Clock clock;
    private volatile Limits limits;

    @Activate
    public DatabaseUploads(@Reference UploadsDatabase database, Config config) {
        this(database, Clock.systemUTC(), new Limits(config.maxFileBytes(), config.maxTotalBytes(), config.maxFiles()));
    }

    DatabaseUploads(UploadsDatabase database, Clock clock, Limits limits) {
        this.database = database;
        this.clock = clock;
        this.limits = limits;
    }

    @Modified
    void modified(Config config) {
        limits = new Limits(config.maxFileBytes(), config.maxTotalBytes(), config.maxFiles());
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public Upload addToDraft(Draft draft, String material, String name, byte[] bytes) {
        return add(draft.owner(), draft.group(), draft.submissionKey(), null, material, name, bytes);
    }

    @Override
    public Upload addToCase(String trackingNumber, long owner, String group, String material, String name, byte[] bytes) {
        return add(owner, group, "case-" + trackingNumber, trackingNumber, material, name, bytes);
    }

    private Upload add(long owner, String group, String key, String trackingNumber, String material, String declared,
            byte[] bytes) {
        Limits l = limits;
        String name = cleanName(declared);
        if (name == null || material == null || !material.matches(MATERIAL)) {
            throw new UploadRefused(Reason.BAD_NAME, name == null ? "" : name, l);
        }
        if (bytes == null || bytes.length == 0) {
            throw new UploadRefused(Reason.EMPTY, name, l);
        }
        if (bytes.length > l.maxFileBytes()) {
            throw new UploadRefused(Reason.TOO_LARGE, name, l);
        }
        FileType type = TypeDetector.detect(bytes).orElseThrow(() -> new UploadRefused(Reason.TYPE, name, l));
        UploadEntity e = new UploadEntity();
        e.id = UUID.randomUUID().toString();
        e.owner = owner;
        e.group = group;
        e.submissionKey = key;
        e.trackingNumber = trackingNumber;
        e.material = material;
        e.name = name;
        e.type = type;
        e.size = bytes.length;
        e.sha256 = sha256(bytes);
        e.uploadedBy = APPLICANT;
        e.uploaded = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UploadContentEntity c = new UploadContentEntity();
        c.id = e.id;
        c.bytes = bytes;
        String lock = trackingNumber == null ? "draft:" + owner + ":" + group : "case:" + trackingNumber;
        for (int attempt = 1;; attempt++) {
            Optional<Upload> stored = database.jpa().txExpr(em -> locked(em, lock)
                    ? Optional.of(insert(em, owner, group, trackingNumber, e, c, l)) : Optional.empty());
            if (stored.isPresent()) {
                return stored.get();
            }
            if (attempt > 1) {
                throw new IllegalStateException("The upload lock row " + lock + " is missing right after it was made");
            }
            makeLockRow(lock);
        }
    }

    /**
     * Waits for the row lock of a draft or case and holds it until the transaction ends.
     *
     * @return {@code false} if the draft or case has no lock row yet
     */
    private static boolean locked(EntityManager em, String key) {
        return !em.createNativeQuery("select lock_key from upload_lock where lock_key = ?1 for update").setParameter(1, key)
                .getResultList().isEmpty();
    }

    /** Makes the lock row of a draft or case in a transaction of its own; one made at the same moment by another upload will do. */
    private void makeLockRow(String key) {
        try {
            database.jpa().tx(em -> em.createNativeQuery("insert into upload_lock (lock_key) values (?1)").setParameter(1, key)
                    .executeUpdate());
        } catch (PersistenceException race) {
            boolean made = database.jpa().txExpr(em -> !em.createNativeQuery("select lock_key from upload_lock where lock_key = ?1")
                    .setParameter(1, key).getResultList().isEmpty());
            if (!made) {
                throw race;
            }
        }
    }

    /** Checks the limits against the files stored now (under the lock) and stores the file. */
    private static Upload insert(EntityManager em, long owner, String group, String trackingNumber, UploadEntity e,
            UploadContentEntity c, Limits l) {
        List<UploadEntity> siblings = trackingNumber == null ? draft(em, owner, group) : ofCase(em, trackingNumber);
        if (siblings.size() >= l.maxFiles()) {
            throw new UploadRefused(Reason.TOO_MANY, e.name, l);
        }
        if (siblings.stream().mapToLong(s -> s.size).sum() + e.size > l.maxTotalBytes()) {
            throw new UploadRefused(Reason.TOTAL_TOO_LARGE, e.name, l);
        }
        em.persist(e);
        em.flush(); // the row the content refers to comes first
        em.persist(c);
        return e.view();
    }

    @Override
    public List<Upload> ofDraft(long owner, String group) {
        return database.jpa().txExpr(em -> draft(em, owner, group).stream().map(UploadEntity::view).toList());
    }

    @Override
    public Optional<String> draftKey(long owner, String group) {
        return ofDraft(owner, group).stream().map(Upload::submissionKey).reduce((a, b) -> b);
    }

    @Override
    public int bind(Draft draft, String trackingNumber) {
        return database.jpa().txExpr(em -> {
            List<UploadEntity> pending = draft(em, draft.owner(), draft.group());
            pending.forEach(u -> u.trackingNumber = trackingNumber);
            return pending.size();
        });
    }

    @Override
    public List<Upload> ofCase(String trackingNumber) {
        return database.jpa().txExpr(em -> ofCase(em, trackingNumber).stream().map(UploadEntity::view).toList());
    }

    @Override
    public Optional<Upload> find(String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return database.jpa().txExpr(em -> Optional.ofNullable(em.find(UploadEntity.class, id)).map(UploadEntity::view));
    }

    @Override
    public Optional<byte[]> content(String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return database.jpa().txExpr(em -> Optional.ofNullable(em.find(UploadContentEntity.class, id)).map(c -> c.bytes));
    }

    @Override
    public boolean removeFromDraft(String id, long owner) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return false;
        }
        return database.jpa().txExpr(em -> {
            UploadEntity e = em.find(UploadEntity.class, id);
            if (e == null || e.owner != owner || e.trackingNumber != null) {
                return false;
            }
            UploadContentEntity c = em.find(UploadContentEntity.class, id);
            if (c != null) {
                em.remove(c);
                em.flush();
            }
            em.remove(e);
            return true;
        });
    }

    /** The draft's rows. */
    private static List<UploadEntity> draft(EntityManager em, long owner, String group) {
        return em.createQuery("select u from UploadEntity u where u.owner = :o and u.group = :g"
                + " and u.trackingNumber is null order by u.uploaded, u.id", UploadEntity.class)
                .setParameter("o", owner).setParameter("g", group).getResultList();
    }

    private static List<UploadEntity> ofCase(EntityManager em, String trackingNumber) {
        return em.createQuery("select u from UploadEntity u where u.trackingNumber = :t order by u.uploaded, u.id",
                UploadEntity.class).setParameter("t", trackingNumber).getResultList();
    }

    /** @return the last path segment without control characters, at most 255 characters; {@code null} if nothing is left */
    static String cleanName(String declared) {
        if (declared == null) {
            return null;
        }
        String n = declared.substring(Math.max(declared.lastIndexOf('/'), declared.lastIndexOf('\\')) + 1);
        n = n.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (n.length() > 255) {
            n = n.substring(n.length() - 255);
        }
        return n.isEmpty() || n.equals(".") || n.equals("..") ? null : n;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
