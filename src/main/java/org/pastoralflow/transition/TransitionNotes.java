package org.pastoralflow.transition;

import java.time.Clock;
import java.time.Instant;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.security.Confidentiality;
import org.springframework.stereotype.Component;

/**
 * Everything a transition records is kept as a {@link TransitionNote} and filed into the student's
 * chronology as soon as they have a case file: the one place the allocation, the model's steps and
 * the forms write it.
 */
@Component
class TransitionNotes {

    private final TransitionNoteRepository notes;
    private final CaseStore caseStore;
    private final Clock clock;

    TransitionNotes(TransitionNoteRepository notes, CaseStore caseStore, Clock clock) {
        this.notes = notes;
        this.caseStore = caseStore;
        this.clock = clock;
    }

    TransitionNote note(Transition t, Milestone milestone, EntryKind kind, Confidentiality confidentiality, Instant occurredAt,
                        String by, String summary, String detail) {
        TransitionNote n = notes.save(new TransitionNote(t.getId(), milestone, kind, confidentiality, occurredAt, by, summary, detail,
                clock.instant()));
        if (t.getStudentId() != null) {
            file(t, n);
        }
        return n;
    }

    TransitionNote file(Transition t, TransitionNote n) {
        if (!n.isFiled()) {
            ChronologyEntry e = caseStore.record(new NewEntry(t.getStudentId(), n.getKind(), n.getConfidentiality(),
                    n.getOccurredAt(), n.getRecordedBy(), n.getSummary(), n.getDetail(), TransitionProcess.SOURCE_TYPE, t.getId()));
            n.filed(e.getId());
        }
        return n;
    }

    /** Files what was recorded before the student had a case file, oldest first. */
    void fileWaiting(Transition t) {
        for (TransitionNote n : notes.findByTransitionIdAndChronologyEntryIdIsNullOrderByOccurredAtAscIdAsc(t.getId())) {
            file(t, n);
        }
    }
}
