package org.pastoralflow.attendance;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One student's sessions in one week, as the MIS reported them. */
@Entity
public class AttendanceWeek {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attendance_week_seq")
    @SequenceGenerator(name = "attendance_week_seq", sequenceName = "attendance_week_seq", allocationSize = 50)
    private Long id;
    private Long studentId;
    private LocalDate weekCommencing;
    private int possibleSessions;
    private int attendedSessions;
    private int authorisedAbsence;
    private int unauthorisedAbsence;
    /** Code L: late before registers closed, counted as present. */
    private int lateSessions;
    /** Code U: late after registers closed, counted as unauthorised absence. */
    private int lateAfterClose;
    private Instant importedAt;

    protected AttendanceWeek() {
    }

    AttendanceWeek(Long studentId, LocalDate weekCommencing) {
        this.studentId = studentId;
        this.weekCommencing = weekCommencing;
    }

    void update(AttendanceRow row, Instant at) {
        this.possibleSessions = row.possible();
        this.attendedSessions = row.attended();
        this.authorisedAbsence = row.authorised();
        this.unauthorisedAbsence = row.unauthorised();
        this.lateSessions = row.late();
        this.lateAfterClose = row.lateAfterClose();
        this.importedAt = at;
    }

    /** Every session of the week missed without a reason the school accepts. */
    boolean allSessionsMissedUnexplained() {
        return possibleSessions > 0 && unauthorisedAbsence == possibleSessions;
    }

    public Long getStudentId() {
        return studentId;
    }

    public LocalDate getWeekCommencing() {
        return weekCommencing;
    }

    public int getPossibleSessions() {
        return possibleSessions;
    }

    public int getAttendedSessions() {
        return attendedSessions;
    }

    public int getUnauthorisedAbsence() {
        return unauthorisedAbsence;
    }
}
