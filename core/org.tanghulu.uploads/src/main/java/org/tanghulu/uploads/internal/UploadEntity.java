package org.tanghulu.uploads.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.tanghulu.uploads.FileType;
import org.tanghulu.uploads.Upload;

/** A row of {@code upload}; see {@code db/uploads}. */
@Entity
@Table(name = "upload")
public class UploadEntity {

    @Id
    String id;
    @Column(name = "owner_id", updatable = false)
    long owner;
    @Column(name = "group_id", updatable = false)
    String group;
    @Column(name = "submission_key", updatable = false)
    String submissionKey;
    @Column(name = "tracking_number")
    String trackingNumber;
    @Column(name = "material", updatable = false)
    String material;
    @Column(name = "file_name", updatable = false)
    String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "file_type", updatable = false)
    FileType type;
    @Column(name = "size_bytes", updatable = false)
    long size;
    @Column(name = "sha256", updatable = false)
    String sha256;
    @Column(name = "uploaded_by", updatable = false)
    String uploadedBy;
    @Column(name = "uploaded_at", updatable = false)
    Instant uploaded;

    Upload view() {
        return new Upload(id, owner, group, submissionKey, trackingNumber, material, name, type, size, sha256, uploadedBy,
                uploaded);
    }
}
