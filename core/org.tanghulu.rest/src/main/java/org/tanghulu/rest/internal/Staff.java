package org.tanghulu.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.ws.rs.NotAuthorizedException;

import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.StaffRealm;

/**
 * Staff log in with HTTP Basic against the {@link StaffRealm}.
 */
final class Staff {

    private static final String CHALLENGE = "Basic realm=\"Tanghulu staff\", charset=\"UTF-8\"";

    private Staff() {
    }

    /**
     * @param authorization the request's {@code Authorization} header
     * @return the authenticated member of staff
     * @throws NotAuthorizedException (401) if the header is missing or the login fails
     */
    static Actor authenticate(StaffRealm realm, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("Staff must log in (HTTP Basic) to do this.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("The Authorization header is not valid Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw unauthorized("The Authorization header is not valid Basic credentials.");
        }
        char[] password = decoded.substring(colon + 1).toCharArray();
        try {
            return realm.login(decoded.substring(0, colon), password)
                    .orElseThrow(() -> unauthorized("Wrong user name or password."));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static NotAuthorizedException unauthorized(String message) {
        return new NotAuthorizedException(message, CHALLENGE);
    }
}
