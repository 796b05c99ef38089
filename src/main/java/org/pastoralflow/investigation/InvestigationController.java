package org.pastoralflow.investigation;

import org.pastoralflow.forms.Coded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.security.Shares;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.workflow.StudentPicker;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskUnavailableException;
import org.pastoralflow.workflow.TaskView;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logging an incident (any member of staff), following the ones I logged, the list and page of
 * investigations with their checklist report, and the investigation's task forms, which may carry
 * a scanned statement.
 */
@Controller
class InvestigationController {

    private final Investigations investigations;
    private final IncidentLog log;
    private final EvidenceSubmission evidence;
    private final InvestigationReport report;
    private final StudentRepository students;
    private final StudentPicker picker;
    private final TaskInbox inbox;
    private final TaskForms forms;
    private final Shares shares;

    InvestigationController(Investigations investigations, IncidentLog log, EvidenceSubmission evidence,
                            InvestigationReport report, StudentRepository students, StudentPicker picker, TaskInbox inbox,
                            TaskForms forms, Shares shares) {
        this.log = log;
        this.forms = forms;
        this.shares = shares;
        this.investigations = investigations;
        this.evidence = evidence;
        this.report = report;
        this.students = students;
        this.picker = picker;
        this.inbox = inbox;
    }

    @GetMapping("/investigations/new")
    String newIncident(Model model) {
        Map<String, String> form = new HashMap<>();
        LocalDateTime now = LocalDateTime.ofInstant(investigations.now(), investigations.zone());
        form.put("occurredOn", now.toLocalDate().toString());
        form.put("occurredTime", now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
        return logForm(form, Map.of(), null, model);
    }

    /**
     * One form, three buttons: find a student by name, add a found student to the list, or log
     * the incident. Finding and adding keep everything typed so far.
     */
    @PostMapping("/investigations")
    String log(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
               HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        String action = values.remove("action");
        String add = values.remove("add");
        if (add != null) {
            addToFirstEmptyRow(values, add);
            return logForm(values, Map.of(), values.get("q"), model);
        }
        if ("find".equals(action)) {
            return logForm(values, Map.of(), values.get("q"), model);
        }
        try {
            Incident i = log.log(new FormData(values), viewer);
            flash.addFlashAttribute("message", "Incident logged as " + i.getReference() + ". "
                    + (i.isSafeguarding() ? "The DSL has it now." : "A Head of Year will assign an investigator.")
                    + (i.isReasonableForce() ? " The use-of-force record must be completed, and parents told, today." : ""));
            return viewer.isCaseworker() ? "redirect:/investigations/" + i.getReference() : "redirect:/investigations/mine";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return logForm(e.data().values(), e.errors(), null, model);
        }
    }

    /** "UPN part" from an add button: into the row the student already has, or the first empty one. */
    private static void addToFirstEmptyRow(Map<String, String> values, String upnAndPart) {
        String[] add = upnAndPart.trim().split("\\s+");
        String part = add.length > 1 ? add[1] : null;
        for (int row = 0; row < IncidentLog.MAX_STUDENTS; row++) {
            String v = values.get(StudentPicker.PREFIX + row);
            if (v != null && v.trim().equalsIgnoreCase(add[0])) {
                values.put(IncidentLog.PART + row, part); // already listed: the part chosen last counts
                return;
            }
        }
        for (int row = 0; row < IncidentLog.MAX_STUDENTS; row++) {
            String v = values.get(StudentPicker.PREFIX + row);
            if (v == null || v.isBlank()) {
                values.put(StudentPicker.PREFIX + row, add[0]);
                values.put(IncidentLog.PART + row, part);
                return;
            }
        }
    }

    private String logForm(Map<String, String> form, Map<String, String> errors, String q, Model model) {
        int last = -1;
        for (int row = 0; row < IncidentLog.MAX_STUDENTS; row++) {
            String v = form.get(StudentPicker.PREFIX + row);
            if (v != null && !v.isBlank() || form.get(IncidentLog.PART + row) != null && !form.get(IncidentLog.PART + row).isBlank()) {
                last = row;
            }
        }
        model.addAttribute("rows", java.util.stream.IntStream.range(0, Math.min(IncidentLog.MAX_STUDENTS, Math.max(3, last + 2)))
                .boxed().toList());
        model.addAttribute("names", picker.namesOf(form, IncidentLog.MAX_STUDENTS));
        model.addAttribute("types", Coded.options(IncidentType.class));
        model.addAttribute("parts", Coded.options(Part.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : students.search(q.trim(), PageRequest.of(0, 10)));
        return "investigation/new";
    }

    /** What I logged and where it stands: never the outcome or the detail. */
    @GetMapping("/investigations/mine")
    String mine(Viewer viewer, Model model) {
        model.addAttribute("incidents", investigations.loggedBy(viewer));
        return "investigation/mine";
    }

    @GetMapping("/investigations")
    String list(Viewer viewer, Model model) {
        model.addAttribute("open", investigations.open(viewer));
        model.addAttribute("closed", investigations.recentlyClosed(viewer));
        return "investigation/list";
    }

    /** The incident, if the access policy lets the viewer read it (confidentiality, a share, year groups); else 404. */
    private Incident opened(String reference, Viewer viewer) {
        return investigations.readable(reference, viewer);
    }

    @GetMapping("/investigations/{reference}")
    String show(@PathVariable String reference, Viewer viewer, Model model) {
        Incident i = opened(reference, viewer);
        model.addAllAttributes(IncidentPage.model(i, viewer, investigations));
        model.addAttribute("openTasks", investigations.openTasks(i, viewer));
        model.addAttribute("useOfForce", investigations.useOfForce(i).orElse(null));
        model.addAttribute("referralsVisible", viewer.isCaseworker());
        model.addAllAttributes(shares.model(investigations.classify(i), viewer));
        if (i.isSafeguarding()) {
            investigations.audited(i, viewer, "VIEW", "investigation page");
        }
        return "investigation/show";
    }

    @GetMapping("/investigations/{reference}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String reference, Viewer viewer) {
        Incident i = opened(reference, viewer);
        byte[] pdf = report.render(i, viewer);
        investigations.audited(i, viewer, "PRINT", "checklist report");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("investigation-" + i.getReference() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/investigations/{reference}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable Long id, Viewer viewer) {
        Incident i = opened(reference, viewer);
        IncidentAttachment a = investigations.attachment(id).filter(x -> x.getIncidentId().equals(i.getId()))
                .orElseThrow(() -> new NotFoundException("No such attachment"));
        investigations.audited(i, viewer, "DOWNLOAD", "attachment " + a.getFileName() + " of");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.getFileName(), StandardCharsets.UTF_8).build().toString())
                .body(a.getContent());
    }

    /** An investigation task's form: sent as multipart, so a statement can come with its scan. */
    @PostMapping("/investigations/tasks/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
                    @RequestParam(value = ChecklistForms.ATTACHMENT, required = false) MultipartFile file, Viewer viewer,
                    Model model, RedirectAttributes flash, HttpServletResponse response) throws IOException {
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("_csrf") && !k.equals(ChecklistForms.ATTACHMENT_ID)) {
                values.put(k, String.join(",", v));
            }
        });
        FormData data = new FormData(values);
        try {
            TaskView done = evidence.complete(id, data, file, viewer);
            flash.addFlashAttribute("message", "\u201c" + done.name() + "\u201d is done.");
            return "redirect:/inbox";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            e.data().values().remove(ChecklistForms.ATTACHMENT_ID);
            TaskView task = inbox.get(id, viewer);
            TaskForm form = forms.formFor(task);
            model.addAllAttributes(form.model(task, viewer));
            model.addAttribute("task", task);
            model.addAttribute("form", e.data().values());
            model.addAttribute("errors", e.errors());
            model.addAttribute("now", Date.from(investigations.now()));
            return form.view();
        }
    }

    @ExceptionHandler(TaskUnavailableException.class)
    String unavailable(TaskUnavailableException e, Model model, HttpServletResponse response) {
        response.setStatus(e.reason() == TaskUnavailableException.Reason.NOT_FOUND ? 404 : 409);
        model.addAttribute("message", e.getMessage());
        return "workflow/task-unavailable";
    }
}
