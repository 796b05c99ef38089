package org.pastoralflow.subjectaccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.SubjectAccessPart;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks every feature's {@link SubjectAccessPart} what it holds about the student, and redacts the
 * names of other pupils from every value, so the review page shows the DSL exactly what the
 * export will disclose.
 */
@Component
class HeldRecords {

    private final List<SubjectAccessPart> parts;
    private final PupilNames names;

    HeldRecords(List<SubjectAccessPart> parts, PupilNames names) {
        this.parts = parts;
        this.names = names;
    }

    @Transactional(readOnly = true)
    public Held about(Long studentId) {
        PupilNames.Redactor redactor = names.otherThan(studentId);
        List<Held.Part> held = new ArrayList<>();
        for (SubjectAccessPart part : parts) {
            List<Held.Table> tables = new ArrayList<>();
            for (SubjectAccessPart.Table t : part.heldAbout(studentId)) {
                tables.add(new Held.Table(t.file(), t.title(), t.columns(), t.items().stream().map(i -> row(i, redactor)).toList()));
            }
            held.add(new Held.Part(part.feature(), tables));
        }
        return new Held(held);
    }

    private static Held.Row row(SubjectAccessPart.Item item, PupilNames.Redactor redactor) {
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> redacted = new ArrayList<>();
        item.fields().forEach((column, value) -> {
            PupilNames.Redacted r = redactor.redact(value);
            shown.put(column, r.text());
            if (r.names() > 0) {
                redacted.add(column);
            }
        });
        return new Held.Row(item, shown, redacted);
    }
}
