package org.tanghulu.window.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.tanghulu.window.Verdict;

/** A row of {@code window_check}: the clerk's finding for one material of a case. */
@Entity
@Table(name = "window_check")
@IdClass(CheckEntity.Key.class)
public class CheckEntity {

    @Id
    @Column(name = "tracking_number")
    String trackingNumber;

    @Id
    @Column(name = "material")
    String material;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict")
    Verdict verdict;

    @Column(name = "reason")
    String reason;

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String trackingNumber;
        String material;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(trackingNumber, k.trackingNumber) && Objects.equals(material, k.material);
        }

        @Override
        public int hashCode() {
            return Objects.hash(trackingNumber, material);
        }
    }
}
