package org.pastoralflow.investigation;

import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.workflow.StaffNames;
import org.springframework.stereotype.Component;

/**
 * The whole investigation as one printable checklist: every item, who did it and when. The page is
 * a Thymeleaf template (so everything typed is escaped) drawn as PDF by openhtmltopdf. A safeguarding
 * incident printed by someone outside the DSL group leaves out what they may not read.
 */
@Component
class InvestigationReport {

    private final Investigations investigations;
    private final PdfRenderer pdfs;
    private final StaffNames people;
    private final Formats fmt;

    InvestigationReport(Investigations investigations, PdfRenderer pdfs, StaffNames people, Formats fmt) {
        this.investigations = investigations;
        this.pdfs = pdfs;
        this.people = people;
        this.fmt = fmt;
    }

    byte[] render(Incident i, Viewer viewer) {
        Map<String, Object> vars = new HashMap<>(IncidentPage.model(i, viewer, investigations));
        vars.put("useOfForce", investigations.useOfForce(i).orElse(null));
        vars.put("fmt", fmt);
        vars.put("people", people);
        vars.put("printedBy", viewer.displayName());
        vars.put("printedAt", investigations.now());
        vars.put("openTasks", investigations.openTasks(i, viewer));
        @SuppressWarnings("unchecked")
        Map<Long, org.pastoralflow.student.Student> names = (Map<Long, org.pastoralflow.student.Student>) vars.get("names");
        vars.put("forceStudents", investigations.studentsIn(i).stream().filter(IncidentStudent::isForceUsedOn)
                .map(s -> names.get(s.getStudentId()).displayName() + " (SEN status " + (s.getSenStatus() == null ? "N" : s.getSenStatus()) + ")")
                .collect(java.util.stream.Collectors.joining(", ")));
        return pdfs.render("investigation/report", vars);
    }
}
