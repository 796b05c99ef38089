package org.pastoralflow.homevisit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The school's lone-working rule for home visits ({@code pastoral.home-visits.*}): how long after the
 * expected return the on-call person and the Pastoral Lead are alerted when nobody has checked in,
 * and how much longer before they are alerted again. Minutes, not school days: a visitor who is not
 * back cannot wait for tomorrow.
 *
 * @param grace       after the expected return, the first alert (default 30 minutes)
 * @param furtherWait after the first alert, the second (default 30 minutes)
 * @param longest     the longest a visit may be planned to last (default 4 hours)
 */
@ConfigurationProperties("pastoral.home-visits")
public record HomeVisitSettings(Duration grace, Duration furtherWait, Duration longest) {

    public HomeVisitSettings {
        grace = grace == null ? Duration.ofMinutes(30) : grace;
        furtherWait = furtherWait == null ? Duration.ofMinutes(30) : furtherWait;
        longest = longest == null ? Duration.ofHours(4) : longest;
        if (grace.isNegative() || furtherWait.isNegative() || furtherWait.isZero()) {
            throw new IllegalArgumentException("pastoral.home-visits: grace must not be negative and further-wait must be positive");
        }
    }
}
