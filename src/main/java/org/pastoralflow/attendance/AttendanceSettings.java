package org.pastoralflow.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds a school may change ({@code pastoral.attendance.*}). Defaults follow "Working
 * together to improve school attendance" (DfE, statutory from August 2024): persistent absence
 * at 10 % of possible sessions missed, severe absence at 50 %. Persistent lateness has no statutory
 * line: by default 8 late marks (before or after registers closed) in the last 6 weeks imported.
 */
@ConfigurationProperties("pastoral.attendance")
public record AttendanceSettings(Double persistentAbsencePercent, Double severeAbsencePercent,
                                 Double improvementPoints, Integer schoolYearStartMonth, Integer quietWeeks,
                                 Integer latenessMarks, Integer latenessWeeks) {

    public AttendanceSettings {
        persistentAbsencePercent = persistentAbsencePercent == null ? 10.0 : persistentAbsencePercent;
        severeAbsencePercent = severeAbsencePercent == null ? 50.0 : severeAbsencePercent;
        improvementPoints = improvementPoints == null ? 2.0 : improvementPoints;
        schoolYearStartMonth = schoolYearStartMonth == null ? 9 : schoolYearStartMonth;
        quietWeeks = quietWeeks == null ? 4 : quietWeeks;
        latenessMarks = latenessMarks == null ? 8 : latenessMarks;
        latenessWeeks = latenessWeeks == null ? 6 : latenessWeeks;
    }

    boolean persistent(Figures f) {
        return 100.0 - f.percent() >= persistentAbsencePercent;
    }

    boolean persistentlyLate(int lateMarks) {
        return lateMarks >= latenessMarks;
    }

    boolean severe(Figures f) {
        return 100.0 - f.percent() >= severeAbsencePercent;
    }
}
