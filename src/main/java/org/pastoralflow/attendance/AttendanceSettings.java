package org.pastoralflow.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds a school may change ({@code pastoral.attendance.*}). Defaults follow "Working
 * together to improve school attendance" (DfE, statutory from August 2024): persistent absence
 * at 10 % of possible sessions missed, severe absence at 50 %.
 */
@ConfigurationProperties("pastoral.attendance")
public record AttendanceSettings(Double persistentAbsencePercent, Double severeAbsencePercent,
                                 Double improvementPoints, Integer schoolYearStartMonth, Integer quietWeeks) {

    public AttendanceSettings {
        persistentAbsencePercent = persistentAbsencePercent == null ? 10.0 : persistentAbsencePercent;
        severeAbsencePercent = severeAbsencePercent == null ? 50.0 : severeAbsencePercent;
        improvementPoints = improvementPoints == null ? 2.0 : improvementPoints;
        schoolYearStartMonth = schoolYearStartMonth == null ? 9 : schoolYearStartMonth;
        quietWeeks = quietWeeks == null ? 4 : quietWeeks;
    }

    boolean persistent(Figures f) {
        return 100.0 - f.percent() >= persistentAbsencePercent;
    }

    boolean severe(Figures f) {
        return 100.0 - f.percent() >= severeAbsencePercent;
    }
}
