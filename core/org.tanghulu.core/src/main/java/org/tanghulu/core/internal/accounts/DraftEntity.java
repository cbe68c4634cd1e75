package org.tanghulu.core.internal.accounts;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code draft}: one account's draft of one function group's form. */
@Entity
@Table(name = "draft")
@IdClass(DraftEntity.Key.class)
public class DraftEntity {

    /** The composite key; JPA needs a mutable class with a no-argument constructor. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        long accountId;
        String groupId;

        public Key() {
        }

        Key(long accountId, String groupId) {
            this.accountId = accountId;
            this.groupId = groupId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId == accountId && k.groupId.equals(groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, groupId);
        }
    }

    @Id
    @Column(name = "account_id")
    long accountId;

    @Id
    @Column(name = "group_id")
    String groupId;

    /** The values typed, a JSON object. */
    @Column(name = "data_values")
    String values;

    /** The materials at hand, a JSON array. */
    @Column(name = "materials")
    String materials;

    @Column(name = "saved_at")
    Instant savedAt;

    @Version
    @Column(name = "version")
    long version;
}
