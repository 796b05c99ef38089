package org.pastoralflow.intervention;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One member's mark in one session's register: present, absent (with the reason) or withdrawn. */
@Entity
@Table(name = "intervention_mark")
public class SessionMark {

    public static final String PRESENT = "PRESENT";
    public static final String ABSENT = "ABSENT";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intervention_mark_seq")
    @SequenceGenerator(name = "intervention_mark_seq", sequenceName = "intervention_mark_seq", allocationSize = 50)
    private Long id;
    private Long sessionId;
    private Long memberId;
    private String mark;
    private String reason;

    protected SessionMark() {
    }

    SessionMark(Long sessionId, Long memberId, String mark, String reason) {
        this.sessionId = sessionId;
        this.memberId = memberId;
        this.mark = mark;
        this.reason = reason;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getMark() {
        return mark;
    }

    public String getReason() {
        return reason;
    }
}
