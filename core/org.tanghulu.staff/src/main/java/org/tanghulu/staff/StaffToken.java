package org.tanghulu.staff;

import java.time.Duration;
import java.time.Instant;

import org.tanghulu.core.cases.Actor;

/**
 * A bearer token issued to a member of staff.
 *
 * @param token the secret (43 characters, URL-safe Base64 of 256 random bits); only its hash is stored
 * @param expiresAt when it ends at the latest, however much it is used
 * @param idleTimeout it ends earlier if unused for this long
 * @param actor the member of staff with the roles held at login
 */
public record StaffToken(String token, Instant expiresAt, Duration idleTimeout, Actor actor) {
}
