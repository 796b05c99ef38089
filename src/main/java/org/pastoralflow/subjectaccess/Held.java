package org.pastoralflow.subjectaccess;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;

/**
 * Everything held about one student, feature by feature, as the DSL reviews it and the export
 * writes it: every record with its values as they will be disclosed (other pupils' names already
 * redacted) and which of its fields were.
 */
public record Held(List<Part> parts) {

    public record Part(String feature, List<Table> tables) {
    }

    public record Table(String file, String title, List<String> columns, List<Row> rows) {

        public Table withRows(List<Row> kept) {
            return new Table(file, title, columns, kept);
        }
    }

    /** One record: the feature's item, its values as disclosed, and the fields where a pupil's name was redacted. */
    public record Row(SubjectAccessPart.Item item, Map<String, String> shown, List<String> redactedFields) {

        public String key() {
            return item.key();
        }

        public boolean safeguarding() {
            return item.confidentiality() == Confidentiality.SAFEGUARDING;
        }
    }

    public Stream<Table> tables() {
        return parts.stream().flatMap(p -> p.tables().stream());
    }

    public int count() {
        return (int) tables().mapToLong(t -> t.rows().size()).sum();
    }
}
