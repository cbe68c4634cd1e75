package org.tanghulu.uploads.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code upload_content}: one upload's bytes. */
@Entity
@Table(name = "upload_content")
public class UploadContentEntity {

    @Id
    String id;
    @Column(name = "bytes", updatable = false)
    byte[] bytes;
}
