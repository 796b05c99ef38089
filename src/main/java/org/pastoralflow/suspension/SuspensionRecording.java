package org.pastoralflow.suspension;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the suspension's task forms write: the record and its pupil's chronology, in one transaction. */
@Service
public class SuspensionRecording {

    /** Who else is told of a suspension, each by a task of its own. */
    public enum Told {
        LOCAL_AUTHORITY("the local authority"), GOVERNING_BOARD("the governing board"), VIRTUAL_SCHOOL_HEAD("the virtual school head");

        private final String words;

        Told(String words) {
            this.words = words;
        }
    }

    static final Map<String, String> NOTICE_METHODS = FormField.options(
            "letter-by-hand", "Letter given by hand", "letter-by-post", "Letter by post",
            "letter-by-email", "Letter sent by the school's e-mail", "letter-and-call", "Letter, and told by telephone first");

    /** How the SENCO's advice before a suspension begins in the chronology. */
    static final String SENCO_ADVICE = "SENCO consulted before the Headteacher decides a suspension";

    private final CaseStore caseStore;
    private final Suspensions suspensions;
    private final Formats fmt;
    private final Clock clock;

    SuspensionRecording(CaseStore caseStore, Suspensions suspensions, Formats fmt, Clock clock) {
        this.caseStore = caseStore;
        this.suspensions = suspensions;
        this.fmt = fmt;
        this.clock = clock;
    }

    /** The notice sent: it fixes the first day, and so the return day, from the number of days the Head decided. */
    @Transactional
    public void recordNotice(Suspension s, LocalDate startsOn, String returnTime, boolean missesPublicExam, String education,
                             String method, LocalDate sentOn, Viewer viewer) {
        LocalDate returnOn = suspensions.returnOn(startsOn, s.getDays());
        s.noticeSent(startsOn, returnOn, returnTime, missesPublicExam, education, method, viewer.userId(), at(sentOn));
        caseStore.record(new NewEntry(s.getStudentId(), EntryKind.CONTACT_HOME, s.getConfidentiality(), at(sentOn), viewer.userId(),
                "Suspension notice sent to parents (" + s.getReference() + "): " + s.getDays() + " school day"
                        + (s.getDays() == 1 ? "" : "s") + " from " + fmt.day(startsOn) + ", back on " + fmt.day(returnOn) + " at " + returnTime,
                NOTICE_METHODS.get(method) + "." + (missesPublicExam ? "\n\nThe suspension means missing a public examination or test." : "")
                        + (education == null ? "" : "\n\nEducation from the sixth school day: " + education),
                SuspensionProcess.SOURCE_TYPE, s.getId()));
    }

    @Transactional
    public void recordTold(Suspension s, Told whom, LocalDate on, String how, String notes, Viewer viewer) {
        switch (whom) {
            case LOCAL_AUTHORITY -> s.localAuthorityTold(at(on));
            case GOVERNING_BOARD -> s.governorsTold(at(on));
            case VIRTUAL_SCHOOL_HEAD -> s.virtualSchoolTold(at(on));
        }
        caseStore.record(new NewEntry(s.getStudentId(), EntryKind.NOTE, s.getConfidentiality(), at(on), viewer.userId(),
                "Suspension " + s.getReference() + ": " + whom.words + " told", how + (notes == null ? "" : "\n\n" + notes),
                SuspensionProcess.SOURCE_TYPE, s.getId()));
    }

    /** The governors' decision, recorded for them by the clerk's stand-in (slt). */
    @Transactional
    public void recordReinstatement(Suspension s, String decision, LocalDate on, String reasons, Viewer viewer) {
        s.reinstatementConsidered(decision, on);
        caseStore.record(new NewEntry(s.getStudentId(), EntryKind.DECISION, s.getConfidentiality(), at(on), viewer.userId(),
                "Governors considered reinstatement (" + s.getReference() + "): "
                        + (Suspension.REINSTATED.equals(decision) ? "reinstated" : "suspension upheld"), reasons,
                SuspensionProcess.SOURCE_TYPE, s.getId()));
    }

    /** The reintegration meeting: who came, the plan, and who supports it: the plan goes into the chronology. */
    @Transactional
    public void recordReintegration(Suspension s, LocalDate on, String attendees, String plan, String supporter, Viewer viewer) {
        s.reintegrated(on, plan, supporter);
        caseStore.record(new NewEntry(s.getStudentId(), EntryKind.SUPPORT_PLAN, s.getConfidentiality(), at(on), viewer.userId(),
                "Reintegration meeting after suspension " + s.getReference() + ": plan agreed, supported by " + supporter,
                "Who came: " + attendees + "\n\nThe plan: " + plan, SuspensionProcess.SOURCE_TYPE, s.getId()));
    }

    /**
     * The SENCO's advice before the Headteacher decides a suspension for a pupil with SEN or an EHCP,
     * filed against the record the decision is taken in (the incident), as confidential as it.
     */
    @Transactional
    /**
     * The SENCO's advice recorded against a record (an incident) that the viewer may read, for the
     * Headteacher's page before deciding.
     */
    public java.util.List<org.pastoralflow.casefile.ChronologyEntry> sencoAdviceAbout(String sourceType, Long sourceId, Viewer viewer,
                                                                                      String where) {
        return caseStore.aboutRecord(sourceType, sourceId, viewer, null, where).stream()
                .filter(e -> e.getKind() == EntryKind.DECISION && e.getSummary().startsWith(SENCO_ADVICE)).toList();
    }

    public void recordSencoAdvice(Long studentId, Confidentiality confidentiality, String sourceType, Long sourceId,
                                  String sourceReference, String advice, String adjustments, Viewer viewer) {
        caseStore.record(NewEntry.now(studentId, EntryKind.DECISION, confidentiality, viewer.userId(),
                SENCO_ADVICE + " (" + sourceReference + ")",
                "Advice: " + advice + (adjustments == null ? "" : "\n\nAdjustments and support tried: " + adjustments),
                sourceType, sourceId));
    }

    /** A day someone typed: today means now, so the chronology keeps the order things were done in. */
    private Instant at(LocalDate day) {
        return day.equals(LocalDate.now(clock)) ? clock.instant() : day.atStartOfDay(clock.getZone()).toInstant();
    }
}
