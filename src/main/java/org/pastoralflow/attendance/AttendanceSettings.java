package org.pastoralflow.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds a school may change ({@code pastoral.attendance.*}). Defaults follow "Working
 * together to improve school attendance" (DfE, statutory from August 2024): persistent absence
 * at 10 % of possible sessions missed, severe absence at 50 %. Persistent lateness has no statutory
 * line: by default 8 late marks (before or after registers closed) in the last 6 weeks imported.
 *
 * <p>A bean with setters, not a record: the school's own values (the settings page) are bound into
 * this one instance while the application runs (docs/adr/0031), so every reader sees them at use.
 */
@ConfigurationProperties("pastoral.attendance")
public class AttendanceSettings {

    private volatile double persistentAbsencePercent = 10.0;
    private volatile double severeAbsencePercent = 50.0;
    private volatile double improvementPoints = 2.0;
    private volatile int schoolYearStartMonth = 9;
    private volatile int quietWeeks = 4;
    private volatile int latenessMarks = 8;
    private volatile int latenessWeeks = 6;

    public double persistentAbsencePercent() {
        return persistentAbsencePercent;
    }

    public void setPersistentAbsencePercent(double persistentAbsencePercent) {
        this.persistentAbsencePercent = persistentAbsencePercent;
    }

    public double severeAbsencePercent() {
        return severeAbsencePercent;
    }

    public void setSevereAbsencePercent(double severeAbsencePercent) {
        this.severeAbsencePercent = severeAbsencePercent;
    }

    public double improvementPoints() {
        return improvementPoints;
    }

    public void setImprovementPoints(double improvementPoints) {
        this.improvementPoints = improvementPoints;
    }

    public int schoolYearStartMonth() {
        return schoolYearStartMonth;
    }

    public void setSchoolYearStartMonth(int schoolYearStartMonth) {
        this.schoolYearStartMonth = schoolYearStartMonth;
    }

    public int quietWeeks() {
        return quietWeeks;
    }

    public void setQuietWeeks(int quietWeeks) {
        this.quietWeeks = quietWeeks;
    }

    public int latenessMarks() {
        return latenessMarks;
    }

    public void setLatenessMarks(int latenessMarks) {
        this.latenessMarks = latenessMarks;
    }

    public int latenessWeeks() {
        return latenessWeeks;
    }

    public void setLatenessWeeks(int latenessWeeks) {
        this.latenessWeeks = latenessWeeks;
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
