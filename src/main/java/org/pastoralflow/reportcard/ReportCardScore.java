package org.pastoralflow.reportcard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.pastoralflow.forms.FormField;

/** One lesson's score against one target: 2 met, 1 partly met, 0 not met. */
@Entity
public class ReportCardScore {

    public static final int MET = 2;
    /** The scores as the scoring page offers them. */
    public static final Map<String, String> SCORES = FormField.options("2", "Met", "1", "Partly", "0", "Not met");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_card_score_seq")
    @SequenceGenerator(name = "report_card_score_seq", sequenceName = "report_card_score_seq", allocationSize = 50)
    private Long id;
    private Long reportCardId;
    private LocalDate lessonDay;
    private int period;
    private int target;
    private int score;
    private String scoredBy;
    private Instant scoredAt;

    protected ReportCardScore() {
    }

    ReportCardScore(Long reportCardId, LocalDate day, int period, int target, int score, String scoredBy, Instant scoredAt) {
        this.reportCardId = reportCardId;
        this.lessonDay = day;
        this.period = period;
        this.target = target;
        this.score = score;
        this.scoredBy = scoredBy;
        this.scoredAt = scoredAt;
    }

    void replace(int score, String by, Instant at) {
        this.score = score;
        this.scoredBy = by;
        this.scoredAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getReportCardId() {
        return reportCardId;
    }

    public LocalDate getLessonDay() {
        return lessonDay;
    }

    public int getPeriod() {
        return period;
    }

    public int getTarget() {
        return target;
    }

    public int getScore() {
        return score;
    }

    public String getScoredBy() {
        return scoredBy;
    }

    public Instant getScoredAt() {
        return scoredAt;
    }
}
