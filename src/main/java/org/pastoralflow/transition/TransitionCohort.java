package org.pastoralflow.transition;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One September intake and the school's own dates for it. */
@Entity
public class TransitionCohort {

    @Id
    private Integer entryYear;
    private LocalDate transitionDayFirst;
    private LocalDate transitionDayLast;
    private LocalDate interviewsDue;
    private String updatedBy;
    private Instant updatedAt;

    protected TransitionCohort() {
    }

    TransitionCohort(int entryYear, CohortDates dates, String by, Instant at) {
        this.entryYear = entryYear;
        change(dates, by, at);
    }

    void change(CohortDates dates, String by, Instant at) {
        this.transitionDayFirst = dates.transitionDayFirst();
        this.transitionDayLast = dates.transitionDayLast();
        this.interviewsDue = dates.interviewsDue();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public CohortDates dates() {
        return new CohortDates(transitionDayFirst, transitionDayLast, interviewsDue);
    }

    public int getEntryYear() {
        return entryYear;
    }

    public LocalDate getTransitionDayFirst() {
        return transitionDayFirst;
    }

    public LocalDate getTransitionDayLast() {
        return transitionDayLast;
    }

    public LocalDate getInterviewsDue() {
        return interviewsDue;
    }

    public boolean isTwoDays() {
        return !transitionDayFirst.equals(transitionDayLast);
    }
}
