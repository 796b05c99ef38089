package org.pastoralflow.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.family.FamilyContacts;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The letters and e-mails sent home about the student (pastoral). A letter's postal address is shown
 * only while it is still an address the school may disclose for one of the student's contacts; one a
 * restriction now withholds (or that no contact has any more) is withheld, as in the parents and
 * carers' part: the requester may be the parent it is kept from.
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
        // by address, not by contact: each MIS import replaces the contact rows, so the letter's contact_id may be gone
        Set<String> disclosable = contacts.contactable(studentId).stream().map(c -> contacts.disclosableAddress(c.getId()))
                .flatMap(Optional::stream).collect(Collectors.toSet());
        List<Map<String, String>> shown = held.rows().stream().map(r -> {
            Map<String, String> copy = new LinkedHashMap<>(r);
            if ("POST".equals(r.get("channel")) && !disclosable.contains(r.get("to_address"))) {
                copy.put("to_address", WITHHELD);
            }
            return copy;
        }).toList();
        return List.of(new StoredRows.Rows(held.columns(), shown).table("letters", "Letters and e-mails home", Letter.RECORD_TYPE,
                r -> Confidentiality.PASTORAL));
    }
}
