package org.pastoralflow.transition;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pastoral.transition.*}: the numbers of the transition a school may change.
 *
 * @param cpFileSchoolDays         KCSIE: a child protection file arrives within the first this-many school days of
 *                                 the autumn term, or this many after an in-year move (5, statutory)
 * @param rightStartSchoolDays     the Right Start programme is done by this school day of the autumn term
 * @param settlingInFallbackSchoolDays when the calendar has no October half-term, the settling-in review is due
 *                                 this many school days into the term
 * @param amberSchoolDays          the board shows an open milestone amber when it is due within this many school days
 */
@ConfigurationProperties("pastoral.transition")
public record TransitionSettings(int cpFileSchoolDays, int rightStartSchoolDays, int settlingInFallbackSchoolDays,
                                 int amberSchoolDays) {

    public TransitionSettings {
        cpFileSchoolDays = cpFileSchoolDays <= 0 ? 5 : cpFileSchoolDays;
        rightStartSchoolDays = rightStartSchoolDays <= 0 ? 10 : rightStartSchoolDays;
        settlingInFallbackSchoolDays = settlingInFallbackSchoolDays <= 0 ? 35 : settlingInFallbackSchoolDays;
        amberSchoolDays = amberSchoolDays <= 0 ? 5 : amberSchoolDays;
    }
}
