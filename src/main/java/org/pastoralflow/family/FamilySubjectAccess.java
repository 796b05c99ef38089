package org.pastoralflow.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The student's parents and carers (pastoral) and the contact log (each at its own level). A withheld
 * address is withheld here too, before the DSL's review: an export is read by the person who asked,
 * who may be the parent the address is kept from.
 */
@Component
@Order(77)
class FamilySubjectAccess implements SubjectAccessPart {

    static final List<String> ADDRESS = List.of("address_line1", "address_line2", "town", "postcode");
    static final String WITHHELD = "(withheld: do not disclose)";

    private final StoredRows rows;
    private final FamilyContactRepository contacts;
    private final FamilyContacts rule;

    FamilySubjectAccess(StoredRows rows, FamilyContactRepository contacts, FamilyContacts rule) {
        this.rows = rows;
        this.contacts = contacts;
        this.rule = rule;
    }

    @Override
    public String feature() {
        return "Parents, carers and contacts with home";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        StoredRows.Rows held = rows.query("select * from family_contact where student_id = ? order by priority, id", studentId);
        Map<Long, Boolean> withheld = new LinkedHashMap<>();
        contacts.findByStudentIdOrderByPriorityAscIdAsc(studentId).forEach(c -> withheld.put(c.getId(), rule.card(c).addressWithheld()));
        List<Map<String, String>> shown = held.rows().stream().map(r -> {
            Map<String, String> copy = new LinkedHashMap<>(r);
            if (withheld.getOrDefault(Long.valueOf(r.get("id")), true)) {
                ADDRESS.forEach(column -> copy.put(column, WITHHELD));
            }
            return copy;
        }).toList();
        return List.of(new StoredRows.Rows(held.columns(), shown).table("family-contacts", "Parents and carers",
                        FamilyContact.RECORD_TYPE, r -> Confidentiality.PASTORAL),
                rows.query("select * from contact_log where student_id = ? order by occurred_at, id", studentId)
                        .table("contact-log", "Contacts with home", ContactLogEntry.RECORD_TYPE,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
