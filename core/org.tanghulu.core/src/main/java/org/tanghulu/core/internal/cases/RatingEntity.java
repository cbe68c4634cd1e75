package org.tanghulu.core.internal.cases;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code case_rating}: the applicant's rating of a closed case, inserted once, never changed. */
@Entity
@Table(name = "case_rating")
public class RatingEntity {

    @Id
    @Column(name = "case_id", updatable = false)
    Long caseId;

    @Column(name = "level", updatable = false)
    int level;

    @Column(name = "comment", updatable = false)
    String comment;

    @Column(name = "rated_at", updatable = false)
    Instant ratedAt;
}
