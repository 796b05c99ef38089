package org.pastoralflow.reportcard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.security.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Report cards on paper: the printable card (the student, the targets and a grid of every day's
 * lessons, with the scores so far) for anyone who may see the card as a teacher does, and the day's
 * summary for home, a letter to send (the outbox e-mails staff only: docs/processes/report-card.md).
 */
@Controller
class ReportCardPrints {

    private final ReportCards cards;
    private final ReportCardScoring scoring;
    private final ReportCardTimes times;
    private final PdfRenderer pdfs;
    private final Formats fmt;
    private final AuditLog audit;

    ReportCardPrints(ReportCards cards, ReportCardScoring scoring, ReportCardTimes times, PdfRenderer pdfs, Formats fmt, AuditLog audit) {
        this.cards = cards;
        this.scoring = scoring;
        this.times = times;
        this.pdfs = pdfs;
        this.fmt = fmt;
        this.audit = audit;
    }

    @GetMapping("/report-cards/{reference}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable String reference, Viewer viewer) {
        ReportCard card = cards.lessonView(reference, viewer);
        List<ReportCardScoring.LessonCard> days = times.schoolDays(card.getStartsOn(), card.getEndsOn()).stream()
                .map(d -> scoring.day(card, d)).toList();
        Map<String, Object> vars = vars(card, viewer);
        vars.put("days", days);
        audit.record(viewer.userId(), "PRINT", ReportCardProcess.SOURCE_TYPE, card.getId(), card.getStudentId(), "printable card");
        return pdf(pdfs.render("reportcard/card-pdf", vars), "report-card-" + card.getReference() + ".pdf");
    }

    @GetMapping("/report-cards/{reference}/summary.pdf")
    ResponseEntity<byte[]> summary(@PathVariable String reference, @RequestParam(required = false) String day, Viewer viewer) {
        ReportCard card = cards.readable(reference, viewer);
        LocalDate on = ReportCardController.day(day, cards.today());
        Map<String, Object> vars = vars(card, viewer);
        vars.put("day", scoring.day(card, on));
        vars.put("figures", cards.figures(card, on, on));
        audit.record(viewer.userId(), "PRINT", ReportCardProcess.SOURCE_TYPE, card.getId(), card.getStudentId(), "summary for home, " + on);
        return pdf(pdfs.render("reportcard/summary-pdf", vars), "report-card-" + card.getReference() + "-" + on + ".pdf");
    }

    private Map<String, Object> vars(ReportCard card, Viewer viewer) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("card", card);
        vars.put("student", cards.studentOf(card));
        vars.put("levelName", cards.levelName(card.getLevelCode()));
        vars.put("periods", cards.settings().periodStarts());
        vars.put("scoreNames", ReportCardScore.SCORES);
        vars.put("fmt", fmt);
        vars.put("printedBy", viewer.displayName());
        return vars;
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }
}
