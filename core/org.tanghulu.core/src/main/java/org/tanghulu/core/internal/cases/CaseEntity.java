package org.tanghulu.core.internal.cases;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.core.cases.CaseState;

/** A row of {@code case_record}; see {@code db/migration}. */
@Entity
@Table(name = "case_record")
public class CaseEntity {

    @Id
    @SequenceGenerator(name = "case_seq", sequenceName = "case_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "tracking_number")
    String trackingNumber;

    @Column(name = "submission_key")
    String submissionKey;

    /** SHA-256 of the submission's content: a replay with other content is refused. */
    @Column(name = "submission_hash")
    String submissionHash;

    @Column(name = "group_id")
    String groupId;

    @Column(name = "group_version")
    int groupVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_type")
    ApplicantType applicantType;

    @Column(name = "applicant_name")
    String applicantName;

    @Column(name = "contact_phone")
    String contactPhone;

    @Column(name = "contact_email")
    String contactEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    CaseState state;

    /** The submitted and corrected values, a JSON object. */
    @Column(name = "data_values")
    String values;

    /** The materials handed in, a JSON array. */
    @Column(name = "materials")
    String materials;

    @Column(name = "submitted_at")
    Instant submittedAt;

    @Column(name = "closed_at")
    Instant closedAt;

    /** The applicant's account, or {@code null} for a case submitted without one. */
    @Column(name = "owner_id", updatable = false)
    Long ownerId;

    @Version
    @Column(name = "version")
    long version;
}
