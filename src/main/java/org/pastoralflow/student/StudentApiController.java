package org.pastoralflow.student;

import org.pastoralflow.security.YearGroupScope;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.forms.MisCsv;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/students")
class StudentApiController {

    private final StudentRepository students;
    private final CaseStore caseStore;
    private final StudentImporter importer;
    private final YearGroupScope yearGroups;
    private final long maxBytes;

    StudentApiController(StudentRepository students, CaseStore caseStore, StudentImporter importer, YearGroupScope yearGroups,
                         MultipartProperties uploads) {
        this.students = students;
        this.maxBytes = uploads.getMaxFileSize().toBytes();
        this.yearGroups = yearGroups;
        this.caseStore = caseStore;
        this.importer = importer;
    }

    record EntryJson(Long id, String kind, String confidentiality, Instant occurredAt, Instant recordedAt,
                     String recordedBy, String summary, String detail, Long corrects) {
        static EntryJson of(ChronologyEntry e) {
            return new EntryJson(e.getId(), e.getKind().name(), e.getConfidentiality().label(), e.getOccurredAt(),
                    e.getRecordedAt(), e.getRecordedBy(), e.getSummary(), e.getDetail(), e.getCorrectsEntryId());
        }
    }

    /** The chronology as the caller may see it; safeguarding entries only for the DSL group, and audited. */
    @GetMapping("/{upn}/chronology")
    List<EntryJson> chronology(@PathVariable String upn, Viewer viewer) {
        Student s = students.findByUpn(upn.toUpperCase())
                .orElseThrow(() -> new NotFoundException("No student with UPN " + upn));
        yearGroups.check(s.getYearGroup(), viewer);
        return caseStore.chronology(s.getId(), viewer, "api").stream().map(EntryJson::of).toList();
    }

    /**
     * The MIS export as the request body (text/csv); all or nothing, with the same report as the page.
     * The body may be as large as a file uploaded on the page (spring.servlet.multipart.max-file-size):
     * a larger one is refused before it is read when its length is declared, and as soon as the limit
     * is passed when it is not, so it is never held whole in memory.
     */
    @PostMapping(value = "/import", consumes = {"text/csv", "application/octet-stream"})
    ResponseEntity<?> importCsv(InputStream body, HttpServletRequest request, Viewer viewer) throws IOException {
        if (maxBytes >= 0 && request.getContentLengthLong() > maxBytes) {
            return tooLarge(request);
        }
        try {
            ImportReport report = importer.importCsv(maxBytes < 0 ? body : MisCsv.limited(body, maxBytes), viewer.userId());
            return report.accepted() ? ResponseEntity.ok(report) : ResponseEntity.unprocessableEntity().body(report);
        } catch (MisCsv.TooLargeException e) {
            return tooLarge(request);
        }
    }

    private ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        String limit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes + " bytes";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + limit
                + ", the most a students export may be (the same as an upload on the import page). Nothing was imported.");
        problem.setTitle("Export too large");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
