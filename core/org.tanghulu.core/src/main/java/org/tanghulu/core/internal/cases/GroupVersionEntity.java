package org.tanghulu.core.internal.cases;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of {@code group_version}: a function group's flow chart, frozen when its first case started. */
@Entity
@Table(name = "group_version")
@IdClass(GroupVersionEntity.Key.class)
public class GroupVersionEntity {

    /** The composite key; JPA needs a mutable class with a no-argument constructor. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String groupId;
        int version;

        public Key() {
        }

        Key(String groupId, int version) {
            this.groupId = groupId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.groupId.equals(groupId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, version);
        }
    }

    @Id
    @Column(name = "group_id")
    String groupId;

    @Id
    @Column(name = "version")
    int version;

    /** The {@link org.tanghulu.catalog.plan.FlowChart} as JSON. */
    @Column(name = "chart")
    String chart;

    @Column(name = "first_used")
    Instant firstUsed;
}
