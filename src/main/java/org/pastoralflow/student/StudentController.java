package org.pastoralflow.student;

import java.io.IOException;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.system.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Student search, the page per student with their chronology, and the MIS import. */
@Controller
class StudentController {

    private final StudentRepository students;
    private final CaseStore caseStore;
    private final StudentImporter importer;
    private final List<StudentPanel> panels;

    StudentController(StudentRepository students, CaseStore caseStore, StudentImporter importer, List<StudentPanel> panels) {
        this.students = students;
        this.caseStore = caseStore;
        this.importer = importer;
        this.panels = panels;
    }

    @GetMapping("/students")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : students.search(q.trim(), PageRequest.of(0, 50)));
        return "student/search";
    }

    @GetMapping("/students/{id}")
    String student(@PathVariable Long id, Viewer viewer, Model model) {
        Student student = students.findById(id).orElseThrow(() -> new NotFoundException("No such student"));
        List<ChronologyEntry> chronology = caseStore.chronology(id, viewer, "student page");
        model.addAttribute("student", student);
        model.addAttribute("chronology", chronology);
        panels.forEach(p -> p.addTo(model, student, viewer));
        return "student/show";
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
