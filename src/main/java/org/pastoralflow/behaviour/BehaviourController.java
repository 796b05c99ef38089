package org.pastoralflow.behaviour;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.documents.CsvExport;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.reporting.Filters;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.StudentPicker;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quick log (any member of staff, phone first), the log just made with its "turn into an
 * investigation" button, the celebration assembly list with its CSV, and the milestone certificate.
 */
@Controller
class BehaviourController {

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final QuickLog quickLog;
    private final BehaviourReads reads;
    private final IntoInvestigation intoInvestigation;
    private final StudentRepository students;
    private final Filters filters;
    private final PdfRenderer pdfs;
    private final AuditLog audit;

    BehaviourController(QuickLog quickLog, BehaviourReads reads, IntoInvestigation intoInvestigation, StudentRepository students,
                        Filters filters, PdfRenderer pdfs, AuditLog audit) {
        this.quickLog = quickLog;
        this.reads = reads;
        this.intoInvestigation = intoInvestigation;
        this.students = students;
        this.filters = filters;
        this.pdfs = pdfs;
        this.audit = audit;
    }

    @GetMapping("/behaviour/new")
    String newLog(@RequestParam(required = false) String group, @RequestParam(required = false) String q, Model model) {
        Map<String, String> form = new HashMap<>();
        LocalDateTime now = LocalDateTime.now(reads.clock()).truncatedTo(ChronoUnit.MINUTES);
        form.put("occurredOn", now.toLocalDate().toString());
        form.put("occurredTime", now.toLocalTime().toString());
        if (group != null && group.length() <= 10) {
            form.put("group", group.trim());
        }
        return logForm(form, Map.of(), q == null || q.length() > 100 ? null : q, model);
    }

    @PostMapping("/behaviour")
    String log(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
               HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            QuickLog.Logged logged = quickLog.log(new FormData(values), viewer);
            flash.addFlashAttribute("message", logged.category().labelWithPoints() + " logged for " + logged.students()
                    + (logged.students() == 1 ? " student" : " students") + " (" + logged.batch() + ").");
            return "redirect:/behaviour/logs/" + logged.batch();
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return logForm(e.data().values(), e.errors(), null, model);
        }
    }

    /** One row of the picker: a checkbox named {@code upn-<index>} so {@link StudentPicker} reads the ticked ones. */
    record Row(int index, Student student, boolean checked) {
    }

    private String logForm(Map<String, String> form, Map<String, String> errors, String q, Model model) {
        int max = reads.settings().maxStudents();
        // ticked rows keep their number, so an error about row n stays beside it
        Map<Integer, String> posted = new LinkedHashMap<>();
        for (int i = 0; i < max; i++) {
            String v = form.get(StudentPicker.PREFIX + i);
            if (v != null && !v.isBlank() && v.length() <= 20) {
                posted.put(i, v.replaceAll("\\s", "").toUpperCase());
            }
        }
        Map<String, Student> found = new HashMap<>();
        students.findByUpnIn(posted.values()).forEach(s -> found.put(s.getUpn(), s));
        List<Row> rows = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        posted.forEach((i, upn) -> {
            Student s = found.get(upn);
            if (s != null && seen.add(upn)) {
                rows.add(new Row(i, s, true));
            } else {
                unknown.add(i);
            }
        });
        String group = form.get("group");
        if (group == null || group.isBlank()) {
            group = form.get(QuickLog.WHOLE_GROUP);
        }
        List<Student> more = new ArrayList<>();
        if (group != null && !group.isBlank()) {
            more.addAll(students.findByRegGroupOrderByLegalSurnameAscLegalForenameAsc(group.trim()));
        }
        if (q != null && !q.isBlank()) {
            more.addAll(students.search(q.trim(), PageRequest.of(0, 10)));
        }
        int next = 0;
        for (Student s : more) {
            while (posted.containsKey(next)) {
                next++;
            }
            if (next >= max) {
                break;
            }
            if (seen.add(s.getUpn())) {
                rows.add(new Row(next++, s, false));
            }
        }
        model.addAttribute("unknownRows", unknown);
        model.addAttribute("rows", rows);
        model.addAttribute("groups", filters.tutorGroups(null));
        model.addAttribute("group", group == null ? "" : group.trim());
        model.addAttribute("behaviours", reads.settings().options(false));
        model.addAttribute("achievements", reads.settings().options(true));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        return "behaviour/new";
    }

    @GetMapping("/behaviour/logs/{reference}")
    String logged(@PathVariable("reference") String batch, Viewer viewer, Model model) {
        List<BehaviourLog> lines = reads.batch(batch, viewer);
        if (lines.isEmpty()) {
            throw new NotFoundException("Nothing was found there.");
        }
        model.addAttribute("batch", batch);
        model.addAttribute("first", lines.get(0));
        model.addAttribute("category", reads.settings().category(lines.get(0).getCategory()).map(BehaviourSettings.Category::label)
                .orElse(lines.get(0).getCategory()));
        model.addAttribute("lines", lines);
        model.addAttribute("students", reads.studentsOf(lines));
        model.addAttribute("canInvestigate", IntoInvestigation.possible(lines));
        return "behaviour/logged";
    }

    @PostMapping("/behaviour/logs/{reference}/investigation")
    String investigate(@PathVariable("reference") String batch, Viewer viewer, RedirectAttributes flash) {
        Incident i = intoInvestigation.investigate(batch, viewer);
        flash.addFlashAttribute("message", "Incident logged as " + i.getReference() + " from behaviour log " + batch + ". "
                + (i.isSafeguarding() ? "The DSL has it now." : "A Head of Year will assign an investigator."));
        return viewer.isCaseworker() ? "redirect:/investigations/" + i.getReference() : "redirect:/investigations/mine";
    }

    @GetMapping("/behaviour/celebration")
    String celebration(@RequestParam(required = false) String since, Viewer viewer, Model model) {
        LocalDate from = since(since);
        List<BehaviourReads.Celebrated> rows = reads.celebration(from, viewer);
        Map<Integer, List<BehaviourReads.Celebrated>> byYear = new LinkedHashMap<>();
        rows.forEach(r -> byYear.computeIfAbsent(r.student().getYearGroup(), k -> new ArrayList<>()).add(r));
        model.addAttribute("byYear", byYear);
        model.addAttribute("since", from);
        model.addAttribute("sinceText", UK.format(from));
        return "behaviour/celebration";
    }

    @GetMapping("/behaviour/celebration.csv")
    ResponseEntity<byte[]> celebrationCsv(@RequestParam(required = false) String since, Viewer viewer) {
        LocalDate from = since(since);
        CsvExport csv = CsvExport.withHeader(List.of("Year group", "Tutor group", "UPN", "Surname", "Forename", "Milestone (points)",
                "Reached on"));
        List<BehaviourReads.Celebrated> rows = reads.celebration(from, viewer);
        rows.forEach(r -> csv.row(r.student().getYearGroup(), r.student().getRegGroup(), r.student().getUpn(),
                r.student().getLegalSurname(), r.student().getPreferredForename() != null ? r.student().getPreferredForename()
                        : r.student().getLegalForename(), r.milestone().getPoints(),
                UK.format(r.milestone().getReachedAt().atZone(reads.zone()).toLocalDate())));
        audit.record(viewer.userId(), AuditLog.EXPORT, BehaviourProcess.SOURCE_MILESTONE, null, null,
                "celebration assembly list since " + from + " (" + rows.size() + " rows)");
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("celebration-since-" + from + ".csv").build().toString())
                .body(csv.toBytes());
    }

    @GetMapping("/behaviour/milestones/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable Long id, Viewer viewer) {
        BehaviourMilestone m = reads.milestone(id, viewer);
        Student s = reads.student(m.getStudentId());
        byte[] pdf = pdfs.render("behaviour/certificate", Map.of("student", s, "milestone", m,
                "reachedOn", UK.format(m.getReachedAt().atZone(reads.zone()).toLocalDate()),
                "schoolYear", m.getSchoolYearStart().getYear() + "–" + (m.getSchoolYearStart().getYear() + 1 - 2000)));
        audit.record(viewer.userId(), "PRINT", BehaviourProcess.SOURCE_MILESTONE, m.getId(), s.getId(), "achievement certificate");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certificate-" + m.getId() + ".pdf").build().toString())
                .body(pdf);
    }

    /** DD/MM/YYYY or YYYY-MM-DD; two school weeks back when not given. */
    private LocalDate since(String since) {
        if (since == null || since.isBlank()) {
            return LocalDate.now(reads.clock()).minusWeeks(2);
        }
        LocalDate day = FormData.day(since.trim());
        if (day == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Since: a date like 01/12/2026");
        }
        return day;
    }
}
