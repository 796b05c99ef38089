package org.pastoralflow.subjectaccess;

import java.time.LocalDate;

/**
 * When a subject access request must be answered, in calendar days, not school days: UK GDPR
 * Art. 12(3) gives one month from receipt, extendable by two further months for a complex request.
 * The ICO's right of access guidance counts from the day received (whether a working day or not)
 * to the corresponding date of the next month, or its last day when it has no such date, which is
 * what {@link LocalDate#plusMonths} gives. The ICO allows the next working day when that date is a
 * weekend or a bank holiday; the school keeps to the date itself, which is never late.
 *
 * <p>The DSL group is warned 20 days and the Headteacher 25 days into the last month, so an
 * extended request warns as close to its own deadline as a plain one does.
 */
public record ResponseDeadline(LocalDate receivedOn, int months) {

    public static final int EXTENDED_MONTHS = 3;
    static final int WARN_AFTER_DAYS = 20;
    static final int ESCALATE_AFTER_DAYS = 25;

    public LocalDate due() {
        return receivedOn.plusMonths(months);
    }

    public LocalDate warnOn() {
        return receivedOn.plusMonths(months - 1L).plusDays(WARN_AFTER_DAYS);
    }

    public LocalDate escalateOn() {
        return receivedOn.plusMonths(months - 1L).plusDays(ESCALATE_AFTER_DAYS);
    }
}
