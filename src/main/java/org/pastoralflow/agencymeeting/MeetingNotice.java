package org.pastoralflow.agencymeeting;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.pastoralflow.security.Confidentiality;

/**
 * An e-mail about a planned meeting of a series (an invitation, or word that it has moved), kept with
 * the exact text sent: part of the series' record, as confidential as it.
 */
@Entity
@Table(name = "agency_meeting_notice")
public class MeetingNotice {

    public enum Kind { INVITATION, MOVED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_meeting_notice_seq")
    @SequenceGenerator(name = "agency_meeting_notice_seq", sequenceName = "agency_meeting_notice_seq", allocationSize = 50)
    private Long id;
    private Long seriesId;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    /** Which meeting of the series it is about: the number of meetings recorded before it, plus one. */
    private int meetingNo;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String toName;
    private String toAgency;
    private String toEmail;
    /** The parent or carer written to, when it was one of the student's contacts. */
    private Long familyContactId;
    private String subject;
    private String body;
    private Long notificationId;
    private String sentBy;
    private Instant sentAt;

    protected MeetingNotice() {
    }

    MeetingNotice(MeetingSeries series, int meetingNo, Kind kind, Invitee to, String subject, String body, String sentBy, Instant sentAt) {
        this.seriesId = series.getId();
        this.studentId = series.getStudentId();
        this.confidentiality = series.getConfidentiality();
        this.meetingNo = meetingNo;
        this.kind = kind;
        this.toName = to.name();
        this.toAgency = to.agency();
        this.toEmail = to.email();
        this.familyContactId = to.familyContactId();
        this.subject = subject;
        this.body = body;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    /** Someone invited: a professional (with their agency) or one of the student's parents or carers. */
    record Invitee(String name, String agency, String email, Long familyContactId) {
    }

    Invitee invitee() {
        return new Invitee(toName, toAgency, toEmail, familyContactId);
    }

    void queued(Long notificationId) {
        this.notificationId = notificationId;
    }

    public Long getId() {
        return id;
    }

    public Long getSeriesId() {
        return seriesId;
    }

    public int getMeetingNo() {
        return meetingNo;
    }

    public Kind getKind() {
        return kind;
    }

    public String getToName() {
        return toName;
    }

    public String getToAgency() {
        return toAgency;
    }

    public String getToEmail() {
        return toEmail;
    }

    public Long getFamilyContactId() {
        return familyContactId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
