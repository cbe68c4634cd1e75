package org.tanghulu.window;

import java.time.Instant;

import org.tanghulu.api.definition.LocalizedText;

/**
 * A line of a window work list.
 *
 * @param trackingNumber the case's tracking number
 * @param groupName the function group's name (its id if not installed)
 * @param applicantName who applied
 * @param submitted when the case was submitted
 * @param closed when it was completed, or {@code null}
 * @param phase where it stands at the window
 */
public record WindowItem(String trackingNumber, LocalizedText groupName, String applicantName, Instant submitted,
        Instant closed, Phase phase) {
}
