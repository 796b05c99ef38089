package org.pastoralflow.student;

import org.pastoralflow.security.YearGroupScope;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
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

    StudentApiController(StudentRepository students, CaseStore caseStore, StudentImporter importer, YearGroupScope yearGroups) {
        this.students = students;
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

    /** The MIS export as the request body (text/csv); all or nothing, with the same report as the page. */
    @PostMapping(value = "/import", consumes = {"text/csv", "application/octet-stream"})
    ResponseEntity<ImportReport> importCsv(InputStream body, Viewer viewer) throws IOException {
        ImportReport report = importer.importCsv(body, viewer.userId());
        return report.accepted() ? ResponseEntity.ok(report) : ResponseEntity.unprocessableEntity().body(report);
    }
}
