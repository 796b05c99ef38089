package org.pastoralflow.reportcard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What report-card.bpmn's steps record: the day's summary, the chase, the reviews and their decisions. */
@Service
public class ReportCardSteps {

    public static final Map<String, String> WEEKLY_DECISIONS = FormField.options(
            ReportCardProcess.END, "End the report: targets met",
            ReportCardProcess.CONTINUE, "Keep going as it is",
            ReportCardProcess.EXTEND, "Extend the report",
            ReportCardProcess.STEP_UP, "Step up a level",
            ReportCardProcess.STEP_DOWN, "Step down a level");
    public static final Map<String, String> FINAL_DECISIONS = FormField.options(
            ReportCardProcess.END, "End the report: targets met",
            ReportCardProcess.ENDED_NOT_MET, "End the report: other support instead",
            ReportCardProcess.EXTEND, "Extend the report");

    private final ReportCards cards;
    private final ReportCardReviewRepository reviews;
    private final ReportCardTimes times;
    private final Notifier notifier;
    private final Clock clock;

    ReportCardSteps(ReportCards cards, ReportCardReviewRepository reviews, ReportCardTimes times, Notifier notifier, Clock clock) {
        this.cards = cards;
        this.reviews = reviews;
        this.times = times;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * At the end of a school day the card runs on: the day's scores into the chronology (the summary
     * a parent can be sent, as a letter: see the card's page). Returns how many of the day's lessons
     * have no score.
     */
    @Transactional
    public int recordDaySummary(Long cardId) {
        ReportCard card = cards.byId(cardId);
        LocalDate today = times.today();
        if (!card.isOpen() || !card.runsOn(today) || !times.isSchoolDay(today)) {
            return 0;
        }
        Figures day = cards.figures(card, today, today);
        cards.record(card, "system", "Report card " + card.getReference() + ": the day's summary, " + today, day.inWords()
                + "\n\nA summary for home can be printed from the card's page and sent.");
        return day.lessonsUnscored();
    }

    /** E-mails the reviewer (the named person, or the level's group) that lessons were left unscored; it names no child. */
    @Transactional
    public void chaseUnscored(Long cardId, String reviewerGroup, String reviewer, int unscored) {
        ReportCard card = cards.byId(cardId);
        String subject = "Report card " + card.getReference() + ": " + unscored + " lesson" + (unscored == 1 ? "" : "s") + " not scored today";
        String text = "A report card you review has lessons with no score today. Please ask the teachers to score them "
                + "on the scoring page, or note why not.";
        String path = "/report-cards/" + card.getReference();
        if (reviewer != null) {
            notifier.toUsers(List.of(reviewer), subject, text, path, cards.classify(card));
        } else {
            notifier.toGroups(List.of(reviewerGroup), subject, text, path, cards.classify(card));
        }
    }

    /** A weekly or final review: the figures as the reviewer saw them, the decision, into the chronology; an end closes the card. */
    @Transactional
    public void recordReview(ReportCard card, String kind, String decision, String notes, Integer extraDays, Viewer viewer) {
        Figures figures = ReportCardReview.WEEKLY.equals(kind) ? cards.weekFigures(card) : cards.allFigures(card);
        reviews.save(new ReportCardReview(card.getId(), kind, card.getLevelCode(), viewer.userId(), clock.instant(), figures,
                decision, notes));
        Map<String, String> options = ReportCardReview.WEEKLY.equals(kind) ? WEEKLY_DECISIONS : FINAL_DECISIONS;
        cards.record(card, viewer.userId(), "Report card " + card.getReference() + ", " + kind + " review: " + options.get(decision)
                        + (extraDays == null ? "" : " by " + extraDays + " school days"),
                figures.inWords() + "\n\n" + notes);
        switch (decision) {
            case ReportCardProcess.END -> card.close(ReportCard.SUCCESS, notes, clock.instant());
            case ReportCardProcess.ENDED_NOT_MET -> card.close(ReportCard.NOT_MET, notes, clock.instant());
            default -> { }
        }
    }

    /** The card runs {@code extraDays} more school days. */
    @Transactional
    public void extend(Long cardId, int extraDays) {
        ReportCard card = cards.byId(cardId);
        card.extendTo(times.lastDay(card.getEndsOn(), extraDays + 1));
    }

    /** One level up (+1) or down (-1): the card is reviewed by the new level's group. Returns that group. */
    @Transactional
    public String step(Long cardId, int direction) {
        ReportCard card = cards.byId(cardId);
        ReportCardSettings.Level level = cards.settings().step(card.getLevelCode(), direction);
        card.moveTo(level.code());
        cards.record(card, "system", "Report card " + card.getReference() + " now " + level.name(),
                "Reviewed by " + level.group() + (direction > 0 ? " (stepped up)" : " (stepped down)"));
        return level.group();
    }

    /** Whether the extension keeps the card within the school's longest report. */
    public boolean withinMaximum(ReportCard card, int extraDays) {
        return times.length(card.getStartsOn(), card.getEndsOn()) + extraDays <= cards.settings().maxSchoolDays();
    }
}
