package org.pastoralflow.agencymeeting;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.pastoralflow.security.Confidentiality;

/** A series of multi-agency meetings about one student: its kind, who keeps it, the next meeting's date, and how it ended. */
@Entity
@Table(name = "agency_meeting_series")
public class MeetingSeries {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_meeting_series_seq")
    @SequenceGenerator(name = "agency_meeting_series_seq", sequenceName = "agency_meeting_series_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String kind;
    private String ownerGroup;
    private String owner;
    private String leadProfessional;
    private String purpose;
    private LocalDate nextMeetingOn;
    /** The planned meeting's time and place, once invitations have gone (null before, and after it is recorded). */
    private java.time.LocalTime nextMeetingTime;
    private String nextMeetingPlace;
    private String openedBy;
    private Instant openedAt;
    private Instant closedAt;
    private String closedBy;
    private String closeReason;
    private String processInstanceId;
    @Version
    private long version;

    protected MeetingSeries() {
    }

    MeetingSeries(String reference, Long studentId, Confidentiality confidentiality, String kind, String ownerGroup, String owner,
                  String leadProfessional, String purpose, LocalDate firstMeetingOn, String openedBy, Instant openedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.confidentiality = confidentiality;
        this.kind = kind;
        this.ownerGroup = ownerGroup;
        this.owner = owner;
        this.leadProfessional = leadProfessional;
        this.purpose = purpose;
        this.nextMeetingOn = firstMeetingOn;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void nextMeetingOn(LocalDate day) {
        this.nextMeetingOn = day;
        this.nextMeetingTime = null;
        this.nextMeetingPlace = null;
    }

    /** Where and when the planned meeting is, as the invitations say. */
    void planned(java.time.LocalTime time, String place) {
        this.nextMeetingTime = time;
        this.nextMeetingPlace = place;
    }

    /** The planned meeting moved: its day, and its time and place when they changed too. */
    void moved(LocalDate day, java.time.LocalTime time, String place) {
        this.nextMeetingOn = day;
        this.nextMeetingTime = time;
        this.nextMeetingPlace = place;
    }

    void close(String by, String reason, Instant at) {
        this.closedBy = by;
        this.closeReason = reason;
        this.closedAt = at;
        this.nextMeetingOn = null;
        this.nextMeetingTime = null;
        this.nextMeetingPlace = null;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getKind() {
        return kind;
    }

    public String getOwnerGroup() {
        return ownerGroup;
    }

    public String getOwner() {
        return owner;
    }

    public String getLeadProfessional() {
        return leadProfessional;
    }

    public String getPurpose() {
        return purpose;
    }

    public LocalDate getNextMeetingOn() {
        return nextMeetingOn;
    }

    public java.time.LocalTime getNextMeetingTime() {
        return nextMeetingTime;
    }

    public String getNextMeetingPlace() {
        return nextMeetingPlace;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
