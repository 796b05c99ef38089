package org.pastoralflow.intervention;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

/** A student in a group: where they came from, their entry and exit scores, and whether they withdrew. */
@Entity
@Table(name = "intervention_member")
public class GroupMember {

    public static final String RECORD_TYPE = "intervention-member";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intervention_member_seq")
    @SequenceGenerator(name = "intervention_member_seq", sequenceName = "intervention_member_seq", allocationSize = 50)
    private Long id;
    private Long groupId;
    private Long studentId;
    private String source;
    private LocalDate joinedOn;
    private Integer entryScore;
    private Integer exitScore;
    private LocalDate withdrawnOn;
    private String withdrawnReason;
    private String addedBy;

    protected GroupMember() {
    }

    GroupMember(Long groupId, Long studentId, String source, LocalDate joinedOn, Integer entryScore, String addedBy) {
        this.groupId = groupId;
        this.studentId = studentId;
        this.source = source;
        this.joinedOn = joinedOn;
        this.entryScore = entryScore;
        this.addedBy = addedBy;
    }

    void scores(Integer entry, Integer exit) {
        this.entryScore = entry;
        this.exitScore = exit;
    }

    void withdraw(LocalDate on, String reason) {
        this.withdrawnOn = on;
        this.withdrawnReason = reason;
    }

    /** A member's row is about them alone, at the group's level. */
    public Classification classification(Confidentiality level) {
        return Classification.of(RECORD_TYPE, id, level, studentId);
    }

    public boolean isWithdrawn() {
        return withdrawnOn != null;
    }

    public Integer change() {
        return entryScore == null || exitScore == null ? null : exitScore - entryScore;
    }

    public Long getId() {
        return id;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getSource() {
        return source;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public Integer getEntryScore() {
        return entryScore;
    }

    public Integer getExitScore() {
        return exitScore;
    }

    public LocalDate getWithdrawnOn() {
        return withdrawnOn;
    }

    public String getWithdrawnReason() {
        return withdrawnReason;
    }
}
