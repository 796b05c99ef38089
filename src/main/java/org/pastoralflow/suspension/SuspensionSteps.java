package org.pastoralflow.suspension;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What suspension.bpmn's service tasks do, one method each: the only class its delegates call. */
@Service
public class SuspensionSteps {

    /**
     * What the gateways after "Count this term's suspension days" route on, and when the pupil is
     * back: the reintegration meeting is due then, and its reminder comes a school day before.
     */
    public record Routing(boolean tellGovernors, boolean considerReinstatement, boolean tellVirtualSchool, Date returnAt,
                          Date remindAt) {
    }

    private final Suspensions suspensions;
    private final SuspensionDays days;
    private final CaseStore caseStore;
    private final Notifier notifier;
    private final Clock clock;

    SuspensionSteps(Suspensions suspensions, SuspensionDays days, CaseStore caseStore, Notifier notifier, Clock clock) {
        this.suspensions = suspensions;
        this.days = days;
        this.caseStore = caseStore;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * "Count this term's suspension days", once the parents have the notice (its dates decide the
     * term): the governing board is told past 5 days in a term or when a public exam is missed
     * (reg. 5), and must consider reinstatement past 15 (reg. 6); the virtual school head is told of
     * a looked-after pupil's suspension.
     */
    @Transactional
    public Routing count(Long suspensionId) {
        Suspension s = suspensions.byId(suspensionId);
        Student pupil = suspensions.studentOf(s);
        long term = days.inTermOf(s.getStudentId(), s.getStartsOn());
        SuspensionSettings settings = suspensions.settings();
        LocalTime back = LocalTime.parse(s.getReturnTime() == null ? settings.returnTime() : s.getReturnTime());
        ZonedDateTime returnAt = s.getReturnOn().atTime(back).atZone(clock.getZone());
        LocalDate dayBefore = s.getReturnOn().minusDays(1);
        while (!suspensions.isSchoolDay(dayBefore) && dayBefore.isAfter(s.getStartsOn())) {
            dayBefore = dayBefore.minusDays(1);
        }
        ZonedDateTime remindAt = dayBefore.atTime(back).atZone(clock.getZone());
        return new Routing(term > settings.governorsAfterDays() || Boolean.TRUE.equals(s.getMissesPublicExam()),
                term > settings.reinstatementAfterDays(), pupil.isInCare(),
                Date.from(returnAt.toInstant()), Date.from(remindAt.toInstant()));
    }

    /** "Remind the pastoral team": the pupil is back tomorrow and no reintegration meeting is recorded. */
    @Transactional
    public void remindReintegration(Long suspensionId) {
        Suspension s = suspensions.byId(suspensionId);
        if (s.getReintegrationOn() != null) {
            return;
        }
        // the e-mail goes only to those who may read the suspension: the DSL group for a safeguarding one
        notifier.toGroups(s.getConfidentiality() == org.pastoralflow.security.Confidentiality.SAFEGUARDING ? List.of("dsl")
                        : List.of("hoy", "pastoral-lead"), "Reintegration meeting for " + s.getReference() + " not yet held",
                "A pupil comes back from suspension " + s.getReference()
                        + " on the next school day and no reintegration meeting is recorded. Plan it with the parents.",
                "/suspensions/" + s.getReference(), suspensions.classify(s));
    }

    /** "Close the suspension": everyone the law names has been told and the pupil is back with a plan. */
    @Transactional
    public void close(Long suspensionId) {
        Suspension s = suspensions.byId(suspensionId);
        s.close(clock.instant());
        caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.NOTE, s.getConfidentiality(), "system",
                "Suspension " + s.getReference() + " closed: parents, the local authority and everyone else required told; "
                        + "back in school with a reintegration plan", null, SuspensionProcess.SOURCE_TYPE, s.getId()));
    }
}
