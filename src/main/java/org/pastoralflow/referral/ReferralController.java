package org.pastoralflow.referral;

import java.time.LocalDateTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.forms.Coded;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Raising a concern (any member of staff), following one's own concerns, and the referral page. */
@Controller
class ReferralController {

    private final ReferralService referrals;
    private final StudentRepository students;
    private final CaseStore caseStore;
    private final TaskInbox inbox;

    private final Clock clock;

    ReferralController(ReferralService referrals, StudentRepository students, CaseStore caseStore, TaskInbox inbox,
                       Clock clock) {
        this.clock = clock;
        this.referrals = referrals;
        this.students = students;
        this.caseStore = caseStore;
        this.inbox = inbox;
    }

    /** Step one: find the student. Staff see only names and tutor groups here, nothing of a case file. */
    @GetMapping("/referrals/new")
    String newConcern(@RequestParam(required = false) String q, @RequestParam(required = false) Long student,
                      Model model) {
        if (student != null) {
            Student s = students.findById(student).orElseThrow(() -> new NotFoundException("No such student"));
            Map<String, String> form = new HashMap<>();
            form.put("occurredAt", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).toString());
            return concernForm(s, form, Map.of(), model);
        }
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of()
                : students.search(q.trim(), PageRequest.of(0, 25)));
        return "referral/find-student";
    }

    @PostMapping("/referrals")
    String raise(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                 HttpServletResponse response) {
        params.remove("_csrf");
        FormData data = new FormData(params);
        try {
            Referral r = referrals.raise(data, viewer);
            flash.addFlashAttribute("message", "Thank you. Your concern is recorded as " + r.getReference()
                    + (r.isImmediateRisk() ? ". The DSLs have been alerted now." : "."));
            return "redirect:/referrals/mine";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            Student s = params.get("studentId") == null || !params.get("studentId").matches("\\d+") ? null
                    : students.findById(Long.valueOf(params.get("studentId"))).orElse(null);
            if (s == null) {
                return "redirect:/referrals/new";
            }
            return concernForm(s, e.data().values(), e.errors(), model);
        }
    }

    private String concernForm(Student s, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("student", s);
        model.addAttribute("categories", Coded.options(ReferralCategory.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "referral/new";
    }

    /** What I raised and where it stands: never the decisions or their reasons. */
    @GetMapping("/referrals/mine")
    String mine(Viewer viewer, Model model) {
        List<Referral> mine = referrals.raisedBy(viewer);
        Map<Long, Student> subjects = new HashMap<>();
        students.findAllById(mine.stream().map(Referral::getStudentId).toList()).forEach(s -> subjects.put(s.getId(), s));
        model.addAttribute("referrals", mine);
        model.addAttribute("students", subjects);
        return "referral/mine";
    }

    /**
     * A referral as the viewer may read it: the concern itself only if its confidentiality allows;
     * otherwise what was handed to them. One they may read nothing of (or whose student is outside
     * their year groups) answers the same 404 as one that does not exist.
     */
    @GetMapping("/referrals/{reference}")
    String referral(@PathVariable String reference, Viewer viewer, Model model) {
        Referral r = referrals.byReference(reference).filter(x -> referrals.knownTo(x, viewer))
                .orElseThrow(() -> new NotFoundException("No such referral"));
        model.addAllAttributes(referrals.caseModel(r, viewer, "referral page"));
        model.addAttribute("stage", r.getStage());
        model.addAttribute("student", students.findById(r.getStudentId()).orElseThrow());
        model.addAttribute("openTasks", r.getProcessInstanceId() == null ? List.of()
                : referrals.openTasksVisibleTo(r, viewer));
        return "referral/show";
    }
}
