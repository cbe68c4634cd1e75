package org.tanghulu.exchange;

import java.time.Instant;

/**
 * One message of a case's dossier.
 *
 * @param sequence the entry's place in the case's chain, from 1 without gaps
 * @param at when it was recorded (milliseconds)
 * @param mode how it travelled: {@code MANUAL} (the desk) for now
 * @param direction {@link Direction#OUT} to a department, {@link Direction#IN} from one
 * @param department the department's id
 * @param kind what it is: to a department {@code TASK} (a task handed over), {@code CORRECTED} (the
 *        applicant's answer to a correction request), {@code CANCELLED} (a task withdrawn); from one
 *        {@code APPROVED}, {@code REJECTED}, {@code CORRECTION_REQUESTED}
 * @param payload the message itself, as JSON
 * @param hash the SM3 chain value after this entry (hex): of the previous one's and this content
 */
public record DossierEntry(int sequence, Instant at, String mode, Direction direction, String department, String kind,
        String payload, String hash) {

    /** Which way a message went. */
    public enum Direction {
        /** from the platform to a department */
        OUT,
        /** from a department to the platform */
        IN
    }
}
