package org.pastoralflow.homevisit;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.StudentPicker;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Planning a home visit, the visits out today and to come, and one visit's page (its check-in is its task). */
@Controller
class HomeVisitController {

    private final HomeVisits visits;
    private final HomeVisitRecording recording;
    private final StudentRepository students;
    private final StudentPicker picker;

    HomeVisitController(HomeVisits visits, HomeVisitRecording recording, StudentRepository students, StudentPicker picker) {
        this.picker = picker;
        this.visits = visits;
        this.recording = recording;
        this.students = students;
    }

    @GetMapping("/home-visits")
    String list(Viewer viewer, Model model) {
        List<HomeVisit> current = visits.current(viewer);
        Map<Long, String> names = new HashMap<>();
        current.forEach(v -> names.computeIfAbsent(v.getStudentId(), visits::studentName));
        model.addAttribute("visits", current);
        model.addAttribute("names", names);
        model.addAttribute("now", visits.now());
        return "homevisit/list";
    }

    @GetMapping("/home-visits/new")
    String newVisit(Viewer viewer, Model model) {
        LocalDateTime now = LocalDateTime.ofInstant(visits.now(), visits.zone()).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> form = new HashMap<>();
        form.put("day", now.toLocalDate().toString());
        LocalTime leaves = now.toLocalTime().isAfter(LocalTime.of(21, 59)) ? LocalTime.of(22, 0) : now.toLocalTime().plusMinutes(15);
        form.put("leaves", leaves.toString());
        form.put("back", leaves.isAfter(LocalTime.of(22, 0)) ? "23:59" : leaves.plusHours(1).toString());
        form.put("leadVisitor", viewer.userId());
        return form(model, viewer, form, Map.of(), null);
    }

    /** One form, two buttons: find a student by name (keeping what is typed), or plan the visit. */
    @PostMapping("/home-visits")
    String plan(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        String action = values.remove("action");
        String pick = values.remove("pick");
        if (pick != null) {
            values.put("upn", pick);
            students.findByUpn(pick).flatMap(s -> recording.addressOnFile(s.getId()))
                    .ifPresent(a -> values.putIfAbsent("address", a));
            return form(model, viewer, values, Map.of(), null);
        }
        if ("find".equals(action)) {
            FormData find = new FormData(values);
            String q = find.text("q", "Find a student by name", 100, false);
            return find.errors().containsKey("q") ? form(model, viewer, find.values(), Map.of("q", find.errors().get("q")), null)
                    : form(model, viewer, values, Map.of(), q);
        }
        try {
            HomeVisit v = recording.plan(new FormData(values), viewer);
            flash.addFlashAttribute("message", "Home visit " + v.getReference() + " planned. Check in when you are back: "
                    + "nobody checked in by " + LocalTime.ofInstant(v.getExpectedBack(), visits.zone())
                    + " and the grace time after it, and the on-call person is alerted.");
            return "redirect:/home-visits/" + v.getReference();
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(model, viewer, e.data().values(), e.errors(), null);
        }
    }

    @GetMapping("/home-visits/{reference}")
    String visit(@PathVariable String reference, Viewer viewer, Model model) {
        HomeVisit v = visits.byReference(reference, viewer);
        model.addAttribute("visit", v);
        model.addAttribute("studentName", visits.studentName(v.getStudentId()));
        model.addAttribute("outcome", v.getOutcome() == null ? null : HomeVisitRecording.OUTCOMES.get(v.getOutcome()));
        model.addAttribute("checkInTask", visits.checkInTask(v).orElse(null));
        return "homevisit/visit";
    }

    private String form(Model model, Viewer viewer, Map<String, String> form, Map<String, String> errors, String q) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("people", recording.possibleVisitors());
        model.addAttribute("dsl", viewer.in(Group.DSL));
        model.addAllAttributes(picker.finder(q, form.get("upn")));
        return "homevisit/form";
    }
}
