package org.pastoralflow.supportplan;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A support plan and the sessions logged against it. */
@Controller
class SupportPlanController {

    private final SupportPlans plans;

    SupportPlanController(SupportPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable Long id, Viewer viewer, Model model) {
        return page(id, viewer, model, Map.of(), Map.of());
    }

    @PostMapping("/plans/{id}/sessions")
    String logSession(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                      RedirectAttributes flash, HttpServletResponse response) {
        params.remove("_csrf");
        try {
            plans.logSession(id, new FormData(params), viewer);
            flash.addFlashAttribute("message", "Session logged.");
            return "redirect:/plans/" + id;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(id, viewer, model, e.data().values(), e.errors());
        }
    }

    private String page(Long id, Viewer viewer, Model model, Map<String, String> form, Map<String, String> errors) {
        SupportPlan plan = plans.plan(id, viewer).orElseThrow(() -> new NotFoundException("No such plan"));
        model.addAttribute("plan", plan);
        model.addAttribute("sessions", plans.sessionsOf(id));
        model.addAttribute("interventions", Interventions.OPTIONS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "supportplan/show";
    }
}
