package org.pastoralflow.mediation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.workflow.StudentPicker;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Mediations: the list, one mediation's page, and starting one by hand. */
@Controller
class MediationController {

    private final MediationService mediations;
    private final StudentRepository students;
    private final StudentPicker picker;
    MediationController(MediationService mediations, StudentRepository students, StudentPicker picker) {
        this.mediations = mediations;
        this.students = students;
        this.picker = picker;
    }

    @GetMapping("/mediations")
    String list(Viewer viewer, Model model) {
        model.addAttribute("open", mediations.open(viewer));
        model.addAttribute("closed", mediations.recentlyClosed(viewer));
        return "mediation/list";
    }

    @GetMapping("/mediations/new")
    String newMediation(Model model) {
        return form(new HashMap<>(), Map.of(), null, model);
    }

    @PostMapping("/mediations")
    String start(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                 HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        String action = values.remove("action");
        String add = values.remove("add");
        if (add != null) {
            for (int row = 0; row < MediationService.MAX_PARTIES; row++) {
                String v = values.get(StudentPicker.PREFIX + row);
                if (v != null && v.trim().equalsIgnoreCase(add)) {
                    break;
                }
                if (v == null || v.isBlank()) {
                    values.put(StudentPicker.PREFIX + row, add);
                    break;
                }
            }
            return form(values, Map.of(), values.get("q"), model);
        }
        if ("find".equals(action)) {
            return form(values, Map.of(), values.get("q"), model);
        }
        try {
            Mediation m = mediations.startByHand(new FormData(values), viewer);
            flash.addFlashAttribute("message", "Mediation " + m.getReference() + " started: a PSO checks it is suitable first.");
            return "redirect:/mediations/" + m.getReference();
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(e.data().values(), e.errors(), null, model);
        }
    }

    private String form(Map<String, String> form, Map<String, String> errors, String q, Model model) {
        model.addAttribute("rows", java.util.stream.IntStream.range(0, MediationService.MAX_PARTIES).boxed().toList());
        model.addAttribute("names", picker.namesOf(form, MediationService.MAX_PARTIES));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : students.search(q.trim(), PageRequest.of(0, 10)));
        return "mediation/new";
    }

    @GetMapping("/mediations/{reference}")
    String show(@PathVariable String reference, Viewer viewer, Model model) {
        Mediation m = mediations.readable(reference, viewer);
        model.addAttribute("mediation", m);
        model.addAttribute("parties", mediations.partiesOf(m));
        model.addAttribute("names", mediations.studentsOf(m));
        model.addAttribute("openTasks", mediations.openTasks(m, viewer));
        model.addAttribute("history", mediations.history(m, viewer, "mediation page"));
        return "mediation/show";
    }
}
