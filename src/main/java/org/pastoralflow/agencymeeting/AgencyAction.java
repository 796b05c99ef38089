package org.pastoralflow.agencymeeting;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.pastoralflow.security.Confidentiality;

/**
 * An action agreed at a meeting, with its owner and due date: a member of staff (by username) or a
 * group of the school, whose task it becomes, or another agency, whose action is tracked and chased.
 * As confidential as its series.
 */
@Entity
public class AgencyAction {

    public static final String OPEN = "open";
    public static final String DONE = "done";
    public static final String DROPPED = "dropped";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_action_seq")
    @SequenceGenerator(name = "agency_action_seq", sequenceName = "agency_action_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long seriesId;
    private Long meetingId;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String description;
    private String staffUser;
    private String staffGroup;
    private String agency;
    private LocalDate dueOn;
    private String status;
    private LocalDate doneOn;
    private String outcome;
    private int chased;
    private String processInstanceId;
    @Version
    private long version;

    protected AgencyAction() {
    }

    AgencyAction(String reference, MeetingSeries series, Long meetingId, String description, String staffUser, String staffGroup,
                 String agency, LocalDate dueOn) {
        this.reference = reference;
        this.seriesId = series.getId();
        this.meetingId = meetingId;
        this.studentId = series.getStudentId();
        this.confidentiality = series.getConfidentiality();
        this.description = description;
        this.staffUser = staffUser;
        this.staffGroup = staffGroup;
        this.agency = agency;
        this.dueOn = dueOn;
        this.status = OPEN;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void finish(String status, LocalDate on, String outcome) {
        this.status = status;
        this.doneOn = on;
        this.outcome = outcome;
    }

    void chasedUntil(LocalDate newDue) {
        this.chased++;
        this.dueOn = newDue;
    }

    /** A school action becomes a task; another agency's is tracked and chased. */
    public boolean isSchool() {
        return agency == null;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public boolean overdueOn(LocalDate today) {
        return isOpen() && dueOn.isBefore(today);
    }

    /** Who does it, in words: the agency, or the member of staff or group. */
    public String owner() {
        return agency != null ? agency : staffUser != null ? staffUser : "group " + staffGroup;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getSeriesId() {
        return seriesId;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getDescription() {
        return description;
    }

    public String getStaffUser() {
        return staffUser;
    }

    public String getStaffGroup() {
        return staffGroup;
    }

    public String getAgency() {
        return agency;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getStatus() {
        return status;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getChased() {
        return chased;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
