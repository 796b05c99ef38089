package org.pastoralflow.subjectaccess;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.security.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subject access export, for the DSL and administrators (route rule in SecurityConfig): find the
 * student (names, UPN and year only), see what the export holds, download it.
 */
@Controller
class SubjectAccessController {

    private final StudentRepository students;
    private final SubjectAccessExport export;

    SubjectAccessController(StudentRepository students, SubjectAccessExport export) {
        this.students = students;
        this.export = export;
    }

    @GetMapping("/subject-access")
    String find(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : students.search(q.trim(), PageRequest.of(0, 25)));
        return "subjectaccess/find";
    }

    /** What the export will hold, counted, before anyone downloads it. */
    @GetMapping("/subject-access/{id}")
    String show(@PathVariable("id") Long studentId, Model model) {
        Student student = student(studentId);
        model.addAttribute("student", student);
        model.addAttribute("parts", export.parts(student));
        return "subjectaccess/show";
    }

    @GetMapping("/subject-access/{id}/export.zip")
    ResponseEntity<byte[]> zip(@PathVariable("id") Long studentId, Viewer viewer) {
        Student student = student(studentId);
        byte[] zip = export.zip(student, viewer);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("subject-access-" + student.getUpn() + ".zip").build().toString())
                .body(zip);
    }

    private Student student(Long id) {
        return students.findById(id).orElseThrow(() -> new NotFoundException("No such student"));
    }
}
