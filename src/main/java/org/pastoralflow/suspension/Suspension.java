package org.pastoralflow.suspension;

import java.time.Instant;
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
 * One pupil's suspension, from the Headteacher's decision to the reintegration meeting: the dates
 * the parents are told, who else was told and when, the governors' consideration of reinstatement
 * where the law asks for it, and the plan for the return.
 */
@Entity
public class Suspension {

    public static final String REINSTATED = "reinstated";
    public static final String NOT_REINSTATED = "not-reinstated";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suspension_seq")
    @SequenceGenerator(name = "suspension_seq", sequenceName = "suspension_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private Long incidentId;
    private String incidentReference;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private int days;
    private String reasons;
    private String approvedBy;
    private Instant approvedAt;
    private LocalDate startsOn;
    private LocalDate returnOn;
    private String returnTime;
    private Boolean missesPublicExam;
    private String educationFromSixthDay;
    private Instant noticeSentAt;
    private String noticeSentBy;
    private String noticeMethod;
    private Instant laToldAt;
    private Instant governorsToldAt;
    private Instant virtualSchoolToldAt;
    private String reinstatementDecision;
    private LocalDate reinstatementOn;
    private LocalDate reintegrationOn;
    private String reintegrationPlan;
    private String reintegrationSupporter;
    private Instant closedAt;
    private String processInstanceId;
    @Version
    private long version;

    protected Suspension() {
    }

    Suspension(String reference, Long studentId, Long incidentId, String incidentReference, Confidentiality confidentiality,
               int days, String reasons, String approvedBy, Instant approvedAt, LocalDate startsOn, LocalDate returnOn) {
        this.reference = reference;
        this.studentId = studentId;
        this.incidentId = incidentId;
        this.incidentReference = incidentReference;
        this.confidentiality = confidentiality;
        this.days = days;
        this.reasons = reasons;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.startsOn = startsOn;
        this.returnOn = returnOn;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void noticeSent(LocalDate startsOn, LocalDate returnOn, String returnTime, boolean missesPublicExam, String education,
                    String method, String by, Instant at) {
        this.startsOn = startsOn;
        this.returnOn = returnOn;
        this.returnTime = returnTime;
        this.missesPublicExam = missesPublicExam;
        this.educationFromSixthDay = education;
        this.noticeMethod = method;
        this.noticeSentBy = by;
        this.noticeSentAt = at;
    }

    void localAuthorityTold(Instant at) {
        this.laToldAt = at;
    }

    void governorsTold(Instant at) {
        this.governorsToldAt = at;
    }

    void virtualSchoolTold(Instant at) {
        this.virtualSchoolToldAt = at;
    }

    void reinstatementConsidered(String decision, LocalDate on) {
        this.reinstatementDecision = decision;
        this.reinstatementOn = on;
    }

    void reintegrated(LocalDate on, String plan, String supporter) {
        this.reintegrationOn = on;
        this.reintegrationPlan = plan;
        this.reintegrationSupporter = supporter;
    }

    void close(Instant at) {
        this.closedAt = at;
    }

    /** A suspension of more than five school days: the school arranges full-time education from the sixth. */
    public boolean needsEducationFromSixthDay() {
        return days > 5;
    }

    public String status() {
        if (closedAt != null) {
            return "Closed";
        }
        if (noticeSentAt == null) {
            return "Parents to be told";
        }
        return reintegrationOn == null ? "Suspended: reintegration meeting to hold" : "Back in school";
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

    public Long getIncidentId() {
        return incidentId;
    }

    public String getIncidentReference() {
        return incidentReference;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public int getDays() {
        return days;
    }

    public String getReasons() {
        return reasons;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getReturnOn() {
        return returnOn;
    }

    public String getReturnTime() {
        return returnTime;
    }

    public Boolean getMissesPublicExam() {
        return missesPublicExam;
    }

    public String getEducationFromSixthDay() {
        return educationFromSixthDay;
    }

    public Instant getNoticeSentAt() {
        return noticeSentAt;
    }

    public String getNoticeSentBy() {
        return noticeSentBy;
    }

    public String getNoticeMethod() {
        return noticeMethod;
    }

    public Instant getLaToldAt() {
        return laToldAt;
    }

    public Instant getGovernorsToldAt() {
        return governorsToldAt;
    }

    public Instant getVirtualSchoolToldAt() {
        return virtualSchoolToldAt;
    }

    public String getReinstatementDecision() {
        return reinstatementDecision;
    }

    public LocalDate getReinstatementOn() {
        return reinstatementOn;
    }

    public LocalDate getReintegrationOn() {
        return reintegrationOn;
    }

    public String getReintegrationPlan() {
        return reintegrationPlan;
    }

    public String getReintegrationSupporter() {
        return reintegrationSupporter;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
