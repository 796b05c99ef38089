package org.pastoralflow.investigation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Incidents the student was involved in, and of each only what is about them: their own part and
 * sanction, checklist items about them (their statement, the contact with their parents) with the
 * files attached, and the use-of-force record where force was used on them. Everything about a
 * safeguarding incident is safeguarding: the incident's own confidentiality, as the access policy reads it.
 */
@Component
@Order(40)
class InvestigationSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;
    private final JdbcTemplate jdbc;

    InvestigationSubjectAccess(StoredRows rows, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public String feature() {
        return "Incidents";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        StoredRows.Rows incidents = rows.query("select i.* from incident i where i.id in "
                + "(select incident_id from incident_student where student_id = ?) order by i.occurred_at, i.id", studentId);
        Map<String, Confidentiality> byIncident = new HashMap<>();
        incidents.rows().forEach(r -> byIncident.put(r.get("id"), Confidentiality.valueOf(r.get("confidentiality"))));
        StoredRows.Rows files = rows.query("select a.id, a.incident_id, a.check_id, a.file_name, a.content_type, a.size_bytes, a.sha256, "
                + "a.uploaded_by, a.uploaded_at from incident_attachment a join incident_check c on c.id = a.check_id "
                + "where c.student_id = ? order by a.uploaded_at, a.id", studentId);
        return List.of(
                incidents.table("incidents", "Incidents the student was involved in", "incident", r -> byIncident.get(r.get("id"))),
                rows.query("select * from incident_student where student_id = ? order by incident_id", studentId)
                        .table("incident-parts", "The student's part in each incident, and sanctions", "incident-student",
                                r -> byIncident.get(r.get("incident_id"))),
                rows.query("select * from incident_check where student_id = ? order by incident_id, position", studentId)
                        .table("incident-checklist", "Checklist items about the student (statements, contact with home)",
                                "incident-check", r -> byIncident.get(r.get("incident_id"))),
                rows.query("select u.* from use_of_force u where u.incident_id in "
                                + "(select incident_id from incident_student where student_id = ? and force_used_on = true) order by u.id", studentId)
                        .table("use-of-force", "Use of reasonable force on the student", "use-of-force",
                                r -> byIncident.get(r.get("incident_id"))),
                new Table("incident-attachments", "Files attached to checklist items about the student", files.columns(),
                        files.rows().stream().map(r -> {
                            Long id = Long.valueOf(r.get("id"));
                            return new Item("incident-attachment", id, byIncident.get(r.get("incident_id")), r,
                                    new Attachment(r.get("file_name"), () -> jdbc.queryForObject(
                                            "select content from incident_attachment where id = ?", byte[].class, id)));
                        }).toList()));
    }
}
