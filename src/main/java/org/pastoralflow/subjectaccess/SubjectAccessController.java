package org.pastoralflow.subjectaccess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.documents.Formats;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subject access requests. Logging one and the list of requests (reference, requester, dates,
 * status) are for administrators and the DSL group, the list for the Headteacher too; a request's
 * page, its review, its export and its sending are the DSL group's only (route rules in
 * SecurityConfig), because the export holds safeguarding records.
 */
@Controller
class SubjectAccessController {

    private final SubjectAccessService requests;
    private final SubjectAccessExport export;
    private final StudentRepository students;
    private final Formats fmt;

    SubjectAccessController(SubjectAccessService requests, SubjectAccessExport export, StudentRepository students, Formats fmt) {
        this.requests = requests;
        this.export = export;
        this.students = students;
        this.fmt = fmt;
    }

    @GetMapping("/subject-access")
    String list(Viewer viewer, Model model) {
        List<SubjectAccessRequest> open = requests.open();
        List<SubjectAccessRequest> sent = requests.recentlySent();
        model.addAttribute("open", open);
        model.addAttribute("sent", sent);
        model.addAttribute("today", requests.today());
        boolean dsl = viewer.in(Group.DSL);
        model.addAttribute("dsl", dsl);
        if (dsl) {
            List<SubjectAccessRequest> all = new ArrayList<>(open);
            all.addAll(sent);
            model.addAttribute("students", requests.students(all));
        }
        return "subjectaccess/list";
    }

    /** The form, with a search for the student by name or UPN (names, year and UPN only). */
    @GetMapping("/subject-access/new")
    String newRequest(@RequestParam(required = false) String q, @RequestParam(required = false) String upn, Model model) {
        Map<String, String> form = new HashMap<>();
        if (upn != null) {
            form.put("upn", upn);
        }
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : students.search(q.trim(), PageRequest.of(0, 25)));
        return form(form, Map.of(), model);
    }

    @PostMapping("/subject-access")
    String log(@RequestParam Map<String, String> params, Viewer viewer, RedirectAttributes flash, Model model,
               HttpServletResponse response) {
        try {
            SubjectAccessRequest r = requests.log(form(params), viewer);
            flash.addFlashAttribute("message", "Subject access request logged as " + r.getReference() + ". It must be answered by "
                    + fmt.day(r.getDueOn()) + "; the DSLs have a task to review what is held.");
            return "redirect:/subject-access";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            model.addAttribute("matches", List.of());
            return form(e.data().values(), e.errors(), model);
        }
    }

    private String form(Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("relationships", SubjectAccessRequest.RELATIONSHIPS);
        model.addAttribute("identityChecks", SubjectAccessRequest.IDENTITY_CHECKS);
        model.addAttribute("replyMethods", SubjectAccessRequest.REPLY_METHODS);
        model.addAttribute("today", requests.today());
        return "subjectaccess/new";
    }

    @GetMapping("/subject-access/{reference}")
    String show(@PathVariable String reference, Model model) {
        return page(requests.byReference(reference), Map.of(), Map.of(), model);
    }

    @PostMapping("/subject-access/{reference}/extension")
    String extend(@PathVariable String reference, @RequestParam Map<String, String> params, Viewer viewer, RedirectAttributes flash,
                  Model model, HttpServletResponse response) {
        try {
            SubjectAccessRequest r = requests.extend(reference, form(params), viewer);
            flash.addFlashAttribute("message", "Extended: " + r.getReference() + " must now be answered by " + fmt.day(r.getDueOn()) + ".");
            return "redirect:/subject-access/" + r.getReference();
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(requests.byReference(reference), e.data().values(), e.errors(), model);
        }
    }

    private String page(SubjectAccessRequest r, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("request", r);
        model.addAttribute("student", requests.student(r));
        model.addAttribute("openTasks", requests.openTasks(r));
        model.addAttribute("withheld", requests.withheld(r));
        model.addAttribute("today", requests.today());
        model.addAttribute("toldHow", SubjectAccessRequest.TOLD_HOW);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "subjectaccess/show";
    }

    /** The export, once the DSL has reviewed what is held and until it is sent. */
    @GetMapping("/subject-access/{reference}/export.zip")
    ResponseEntity<byte[]> zip(@PathVariable String reference, Viewer viewer) {
        SubjectAccessRequest r = requests.byReference(reference);
        if (!r.mayExport()) {
            throw new NotFoundException(r.isSent() ? "This request has been answered." : "What is held has not been reviewed yet.");
        }
        byte[] zip = export.zip(r, requests.student(r), viewer);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("subject-access-" + r.getReference() + ".zip").build().toString())
                .body(zip);
    }

    private static FormData form(Map<String, String> params) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        return new FormData(values);
    }
}
