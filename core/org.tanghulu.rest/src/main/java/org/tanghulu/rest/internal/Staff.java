package org.tanghulu.rest.internal;

import javax.ws.rs.NotAuthorizedException;

import org.tanghulu.core.cases.Actor;
import org.tanghulu.staff.StaffTokens;

/**
 * Staff on the API send the bearer token that {@code POST /api/staff/login} issued; no password
 * travels, and none is hashed, per request. HTTP Basic is refused with a word on how to log in.
 */
final class Staff {

    static final String CHALLENGE = "Bearer realm=\"Tanghulu staff\"";
    static final String HOW = "Log in with POST /api/staff/login and a JSON body {\"user\": \"...\", \"password\": \"...\"}, "
            + "then send the token it answers as the header 'Authorization: Bearer <token>'.";
    private static final String BEARER = "Bearer ";

    private Staff() {
    }

    /**
     * @param authorization the request's {@code Authorization} header
     * @return the member of staff holding the token, with the roles of their login
     * @throws NotAuthorizedException (401) if there is no valid token
     */
    static Actor authenticate(StaffTokens tokens, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Staff must log in to do this. " + HOW);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("Basic authentication is not accepted here: a password sent with every request could be guessed "
                    + "without limit. " + HOW);
        }
        String token = token(authorization);
        if (token == null) {
            throw unauthorized("The Authorization header is not a Bearer token. " + HOW);
        }
        return tokens.actor(token).orElseThrow(
                () -> unauthorized("The token is unknown, has expired, or was ended by logging out. " + HOW));
    }

    /** @return the token of a {@code Bearer} header, or {@code null} */
    static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    static NotAuthorizedException unauthorized(String message) {
        return new NotAuthorizedException(message, CHALLENGE);
    }
}
