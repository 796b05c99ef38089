package org.pastoralflow.letters;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class LettersRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("Letter or e-mail home", List.of("letter"),
                "pastoral: caseworkers for the student's year groups (a letter goes to a parent, so it holds nothing kept "
                        + "from them); the administrator sees neither the letters nor their e-mails in the outbox"));
    }
}
