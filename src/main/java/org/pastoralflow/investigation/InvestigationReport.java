package org.pastoralflow.investigation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.system.Formats;
import org.pastoralflow.workflow.StaffNames;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The whole investigation as one printable checklist: every item, who did it and when. The page is
 * a Thymeleaf template (so everything typed is escaped) drawn as PDF by openhtmltopdf. A safeguarding
 * incident printed by someone outside the DSL group leaves out what they may not read.
 */
@Component
class InvestigationReport {

    private final InvestigationService investigations;
    private final ITemplateEngine templates;
    private final StaffNames people;
    private final Formats fmt;

    InvestigationReport(InvestigationService investigations, ITemplateEngine templates, StaffNames people, Formats fmt) {
        this.investigations = investigations;
        this.templates = templates;
        this.people = people;
        this.fmt = fmt;
    }

    byte[] render(Incident i, Viewer viewer) {
        Map<String, Object> vars = new HashMap<>(IncidentPage.model(i, viewer, investigations));
        vars.put("useOfForce", investigations.useOfForce(i).orElse(null));
        vars.put("fmt", fmt);
        vars.put("people", people);
        vars.put("printedBy", viewer.displayName());
        vars.put("printedAt", Instant.now());
        vars.put("openTasks", investigations.openTasks(i));
        @SuppressWarnings("unchecked")
        Map<Long, org.pastoralflow.student.Student> names = (Map<Long, org.pastoralflow.student.Student>) vars.get("names");
        vars.put("forceStudents", investigations.studentsIn(i).stream().filter(IncidentStudent::isForceUsedOn)
                .map(s -> names.get(s.getStudentId()).displayName() + " (SEN status " + (s.getSenStatus() == null ? "N" : s.getSenStatus()) + ")")
                .collect(java.util.stream.Collectors.joining(", ")));
        String html = templates.process("investigation/report", new Context(java.util.Locale.UK, vars));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
