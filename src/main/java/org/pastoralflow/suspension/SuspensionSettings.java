package org.pastoralflow.suspension;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school may change about suspensions ({@code pastoral.suspension.*}); the thresholds are the
 * law's (School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012, regs 5 and 6;
 * docs/processes/suspension.md) and are settings only so a change in the law is not a release.
 *
 * @param governorsAfterDays      the governing board is told when a pupil's suspensions pass this many school days in a term
 * @param reinstatementAfterDays  the governors must consider reinstatement when they pass this many in a term
 * @param returnTime              the time of day a pupil returns, as the parent notice gives it unless changed
 */
@ConfigurationProperties("pastoral.suspension")
public record SuspensionSettings(Integer governorsAfterDays, Integer reinstatementAfterDays, String returnTime) {

    public SuspensionSettings {
        governorsAfterDays = governorsAfterDays == null ? 5 : governorsAfterDays;
        reinstatementAfterDays = reinstatementAfterDays == null ? 15 : reinstatementAfterDays;
        returnTime = returnTime == null ? "08:40" : returnTime;
    }
}
