package org.tanghulu.core.cases;

import java.time.Instant;

/**
 * An applicant's rating (好差评) of a closed case or of one decided department step, given once and
 * never changed.
 *
 * @param level 5 非常满意 (very satisfied), 4 满意 (satisfied), 3 基本满意 (fairly satisfied),
 *        2 不满意 (dissatisfied), 1 非常不满意 (very dissatisfied)
 * @param comment the applicant's words, at most {@value #MAX_COMMENT} characters, or {@code null}
 * @param at when it was given
 */
public record Rating(int level, String comment, Instant at) {

    /** The lowest level, 非常不满意. */
    public static final int LOWEST = 1;
    /** The highest level, 非常满意. */
    public static final int HIGHEST = 5;
    /** The longest comment, in characters. */
    public static final int MAX_COMMENT = 500;
}
