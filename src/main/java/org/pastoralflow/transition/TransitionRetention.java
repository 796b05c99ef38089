package org.pastoralflow.transition;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a transition recorded (the primary's information, the CP file review, the SENCO meeting)
 * for a student who joined: copies of it are in the chronology, and both go at the same retention date.
 */
@Component
@Order(30)
class TransitionRetention implements RetainedRecords {

    private final TransitionNoteRepository notes;

    TransitionRetention(TransitionNoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public String describe() {
        return "transition notes";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        return notes.deleteByStudentAndConfidentiality(studentId, confidentiality);
    }
}
