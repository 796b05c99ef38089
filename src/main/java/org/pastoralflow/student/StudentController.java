package org.pastoralflow.student;

import org.pastoralflow.security.YearGroupScope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Student search, the page per student with their chronology, and the MIS import. */
@Controller
class StudentController {

    static final int PAGE_SIZE = 50;

    private final StudentRepository students;
    private final CaseStore caseStore;
    private final StudentImporter importer;
    private final List<StudentPanel> panels;
    private final YearGroupScope yearGroups;

    StudentController(StudentRepository students, CaseStore caseStore, StudentImporter importer, List<StudentPanel> panels,
                      YearGroupScope yearGroups) {
        this.students = students;
        this.yearGroups = yearGroups;
        this.caseStore = caseStore;
        this.importer = importer;
        this.panels = panels;
    }

    /** Finds students by name or UPN, among the viewer's year groups (a PSO or Head of Year may have some). */
    @GetMapping("/students")
    String search(@RequestParam(required = false) String q, Viewer viewer, Model model) {
        YearGroupScope.Scope scope = yearGroups.of(viewer);
        model.addAttribute("q", q);
        model.addAttribute("scope", scope);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of()
                : scope.wholeSchool() ? students.search(q.trim(), PageRequest.of(0, 50))
                : students.searchInYears(q.trim(), scope.years(), PageRequest.of(0, 50)));
        return "student/search";
    }

    /**
     * The student page. The chronology is shown a page at a time (newest first), filtered by kind
     * and confidentiality; only the safeguarding entries on the page shown are audited as viewed.
     */
    @GetMapping("/students/{id}")
    String student(@PathVariable Long id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String confidentiality, @RequestParam(defaultValue = "1") int page,
                   Viewer viewer, Model model) {
        Student student = students.findById(id).orElseThrow(() -> new NotFoundException("No such student"));
        yearGroups.check(student.getYearGroup(), viewer);
        EntryKind chosenKind = kind == null || kind.isBlank() ? null : parse(EntryKind.class, kind, "kind");
        Confidentiality chosenConfidentiality = confidentiality == null || confidentiality.isBlank() ? null
                : parse(Confidentiality.class, confidentiality, "confidentiality");
        Page<ChronologyEntry> chronology = caseStore.chronologyPage(id, viewer,
                chosenKind == null ? List.of() : List.of(chosenKind),
                chosenConfidentiality == null ? List.of() : List.of(chosenConfidentiality),
                Math.max(page, 1) - 1, PAGE_SIZE, "student page");
        model.addAttribute("student", student);
        model.addAttribute("chronology", chronology);
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("confidentialities", CaseStore.readable(viewer));
        model.addAttribute("kind", chosenKind);
        model.addAttribute("confidentiality", chosenConfidentiality);
        model.addAttribute("contactsHome", caseStore.chronologyPage(id, viewer, List.of(EntryKind.CONTACT_HOME), List.of(),
                0, 10, "student page").getContent());
        List<StudentPanel.LinkedStudent> linked = new ArrayList<>();
        panels.forEach(p -> {
            p.addTo(model, student, viewer);
            linked.addAll(p.linkedStudents(student, viewer));
        });
        model.addAttribute("linkedStudents", linked);
        return "student/show";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": no such choice " + value);
        }
    }

    @GetMapping("/admin/students/import")
    String importForm() {
        return "student/import";
    }

    @PostMapping("/admin/students/import")
    String importCsv(@RequestParam("file") MultipartFile file, Viewer viewer, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("report", new ImportReport(0, 0, 0,
                    List.of(new ImportReport.Problem(0, "file", "Choose the CSV file exported from the MIS."))));
            return "student/import";
        }
        model.addAttribute("report", importer.importCsv(file.getInputStream(), viewer.userId()));
        model.addAttribute("fileName", file.getOriginalFilename());
        return "student/import";
    }
}
