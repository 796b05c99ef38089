package org.pastoralflow.letters;

import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sent letter as a PDF for the post (or a copy of an e-mail): the letter's text, already merged,
 * put into a fixed template that escapes it. Every print audited.
 */
@Component
public class LetterPdf {

    private final Letters letters;
    private final PdfRenderer pdfs;
    private final AuditLog audit;

    LetterPdf(Letters letters, PdfRenderer pdfs, AuditLog audit) {
        this.letters = letters;
        this.pdfs = pdfs;
        this.audit = audit;
    }

    @Transactional
    public byte[] render(String reference, Viewer viewer) {
        Letter letter = letters.byReference(reference, viewer);
        audit.record(viewer.userId(), "PRINT", Letter.RECORD_TYPE, letter.getId(), letter.getStudentId(), "letter " + reference);
        Map<String, Object> vars = new HashMap<>();
        vars.put("letter", letter);
        vars.put("schoolName", letters.schoolName());
        vars.put("day", letters.day(letter));
        vars.put("addressLines", letter.getToAddress().split(",\\s*"));
        vars.put("paragraphs", letter.getBody().split("\\n\\s*\\n"));
        return pdfs.render("letters/letter-pdf", vars);
    }
}
