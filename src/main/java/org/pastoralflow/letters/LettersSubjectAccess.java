package org.pastoralflow.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.family.FamilyContacts;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The letters and e-mails sent home about the student (pastoral). An address a restriction now
 * withholds is withheld here too, as in the parents and carers' part: the requester may be the
 * parent it is kept from.
 */
@Component
@Order(78)
class LettersSubjectAccess implements SubjectAccessPart {

    static final String WITHHELD = "(withheld: do not disclose)";

    private final StoredRows rows;
    private final FamilyContacts contacts;

    LettersSubjectAccess(StoredRows rows, FamilyContacts contacts) {
        this.rows = rows;
        this.contacts = contacts;
    }

    @Override
    public String feature() {
        return "Letters and e-mails home";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        StoredRows.Rows held = rows.query("select * from letter where student_id = ? order by sent_at, id", studentId);
        List<Map<String, String>> shown = held.rows().stream().map(r -> {
            Map<String, String> copy = new LinkedHashMap<>(r);
            if ("POST".equals(r.get("channel")) && contacts.disclosableAddress(Long.valueOf(r.get("contact_id"))).isEmpty()) {
                copy.put("to_address", WITHHELD);
            }
            return copy;
        }).toList();
        return List.of(new StoredRows.Rows(held.columns(), shown).table("letters", "Letters and e-mails home", Letter.RECORD_TYPE,
                r -> Confidentiality.PASTORAL));
    }
}
