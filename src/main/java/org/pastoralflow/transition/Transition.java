package org.pastoralflow.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * One incoming Year 7 student's transition, from the allocation list to settling in. The process
 * holds the flow; this holds who the child is, what the allocation list and the primary said, and
 * the case file the student gets on 1 September.
 */
@Entity
public class Transition {

    public static final String ACTIVE = "ACTIVE";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String SETTLED = "SETTLED";

    public static final String ENHANCED = "enhanced";
    public static final String STANDARD = "standard";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transition_seq")
    @SequenceGenerator(name = "transition_seq", sequenceName = "transition_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private int entryYear;
    private String upn;
    private String legalSurname;
    private String legalForename;
    private LocalDate dateOfBirth;
    private String gender;
    private Long feederSchoolId;
    private String senStatus;
    private boolean ehcp;
    private boolean inCare;
    private boolean cpPlan;
    private String parentName;
    private String parentPhone;
    private String parentEmail;
    private boolean anxiety;
    private boolean youngCarer;
    private boolean primaryRecommends;
    private boolean cpFileExpected;
    private String pathway;
    private String tutorGroup;
    private Instant daysRecordedAt;
    private String daysMissed;
    private String status;
    private String withdrawnReason;
    private Instant withdrawnAt;
    private Long studentId;
    private String processInstanceId;
    private Instant importedAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Transition() {
    }

    Transition(String reference, int entryYear, AllocationRow row, Long feederSchoolId, Instant at) {
        this.reference = reference;
        this.entryYear = entryYear;
        this.upn = row.upn();
        this.status = ACTIVE;
        this.importedAt = at;
        update(row, feederSchoolId, at);
    }

    /** What the allocation list says now; the UPN identifies the child and never changes. */
    void update(AllocationRow row, Long feederSchoolId, Instant at) {
        this.legalSurname = row.legalSurname();
        this.legalForename = row.legalForename();
        this.dateOfBirth = row.dateOfBirth();
        this.gender = row.gender();
        this.feederSchoolId = feederSchoolId;
        this.senStatus = row.senStatus();
        this.ehcp = row.ehcp();
        this.inCare = row.inCare();
        this.cpPlan = row.cpPlan();
        this.parentName = row.parentName();
        this.parentPhone = row.parentPhone();
        this.parentEmail = row.parentEmail();
        this.updatedAt = at;
    }

    /** Does this row of the list say anything different from what is held? */
    boolean differsFrom(AllocationRow row, Long schoolId) {
        return !(row.legalSurname().equals(legalSurname) && row.legalForename().equals(legalForename)
                && row.dateOfBirth().equals(dateOfBirth) && java.util.Objects.equals(row.gender(), gender)
                && schoolId.equals(feederSchoolId) && row.senStatus().equals(senStatus) && row.ehcp() == ehcp
                && row.inCare() == inCare && row.cpPlan() == cpPlan && java.util.Objects.equals(row.parentName(), parentName)
                && java.util.Objects.equals(row.parentPhone(), parentPhone) && java.util.Objects.equals(row.parentEmail(), parentEmail));
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void withdraw(String reason, Instant at) {
        this.status = WITHDRAWN;
        this.withdrawnReason = reason;
        this.withdrawnAt = at;
    }

    /** Back on a later allocation list after being withdrawn: the transition starts again. */
    void reinstate() {
        this.status = ACTIVE;
        this.withdrawnReason = null;
        this.withdrawnAt = null;
        this.pathway = null;
        this.daysRecordedAt = null;
        this.daysMissed = null;
        this.cpFileExpected = false;
        this.anxiety = false;
        this.youngCarer = false;
        this.primaryRecommends = false;
    }

    void primarySaid(boolean anxiety, boolean youngCarer, boolean recommendsEnhanced) {
        this.anxiety = anxiety;
        this.youngCarer = youngCarer;
        this.primaryRecommends = recommendsEnhanced;
    }

    void expectCpFile() {
        this.cpFileExpected = true;
    }

    void pathway(String pathway) {
        this.pathway = pathway;
    }

    void tutorGroup(String group) {
        this.tutorGroup = group;
    }

    void daysRecorded(String missed, Instant at) {
        this.daysRecordedAt = at;
        this.daysMissed = missed;
    }

    void caseFile(Long studentId) {
        this.studentId = studentId;
    }

    void settled() {
        this.status = SETTLED;
    }

    public String displayName() {
        return legalForename + " " + legalSurname;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isWithdrawn() {
        return WITHDRAWN.equals(status);
    }

    public boolean isEnhanced() {
        return ENHANCED.equals(pathway);
    }

    /** The reasons for an enhanced transition this viewer may read; the CP plan only for the DSL group. */
    public List<String> vulnerabilities(boolean dsl) {
        List<String> reasons = new ArrayList<>();
        if (ehcp) {
            reasons.add("EHCP");
        }
        if (inCare) {
            reasons.add("Looked after");
        }
        if (cpPlan && dsl) {
            reasons.add("CP plan");
        }
        if (anxiety) {
            reasons.add("Anxiety");
        }
        if (youngCarer) {
            reasons.add("Young carer");
        }
        if (primaryRecommends) {
            reasons.add("Primary recommends");
        }
        return reasons;
    }

    public String pathwayLabel(boolean dsl) {
        if (pathway == null) {
            return "Not decided yet";
        }
        if (!isEnhanced()) {
            return "Standard";
        }
        List<String> reasons = vulnerabilities(dsl);
        return reasons.isEmpty() ? "Enhanced" : "Enhanced: " + String.join(", ", reasons);
    }

    public String senLabel() {
        return switch (senStatus) {
            case "K" -> "SEN support";
            case "E" -> "EHCP";
            default -> "No SEN";
        };
    }

    public String statusLabel() {
        return switch (status) {
            case WITHDRAWN -> "Withdrawn";
            case SETTLED -> "Settled in Year 7";
            default -> studentId != null ? "On roll, settling in" : "Joining in September " + entryYear;
        };
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public int getEntryYear() {
        return entryYear;
    }

    public String getUpn() {
        return upn;
    }

    public String getLegalSurname() {
        return legalSurname;
    }

    public String getLegalForename() {
        return legalForename;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getGender() {
        return gender;
    }

    public Long getFeederSchoolId() {
        return feederSchoolId;
    }

    public String getSenStatus() {
        return senStatus;
    }

    public boolean isEhcp() {
        return ehcp;
    }

    public boolean isInCare() {
        return inCare;
    }

    public boolean isCpPlan() {
        return cpPlan;
    }

    public String getParentName() {
        return parentName;
    }

    public String getParentPhone() {
        return parentPhone;
    }

    public String getParentEmail() {
        return parentEmail;
    }

    public boolean isAnxiety() {
        return anxiety;
    }

    public boolean isYoungCarer() {
        return youngCarer;
    }

    public boolean isPrimaryRecommends() {
        return primaryRecommends;
    }

    public boolean isCpFileExpected() {
        return cpFileExpected;
    }

    public String getPathway() {
        return pathway;
    }

    public String getTutorGroup() {
        return tutorGroup;
    }

    public Instant getDaysRecordedAt() {
        return daysRecordedAt;
    }

    public String getDaysMissed() {
        return daysMissed;
    }

    public String getStatus() {
        return status;
    }

    public String getWithdrawnReason() {
        return withdrawnReason;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getImportedAt() {
        return importedAt;
    }
}
