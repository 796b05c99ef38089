package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The chronology goes last: everything else that was destroyed pointed at its student. */
@Component
@Order(100)
class ChronologyRetention implements RetainedRecords {

    private final ChronologyRepository entries;

    ChronologyRetention(ChronologyRepository entries) {
        this.entries = entries;
    }

    @Override
    public String describe() {
        return "chronology entries";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        return entries.deleteByStudentAndConfidentiality(studentId, confidentiality);
    }
}
