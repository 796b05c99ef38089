package org.pastoralflow.workflow;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's list of engine incidents, each with a retry. */
@Controller
class IncidentController {

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/admin/incidents")
    String list(Model model) {
        model.addAttribute("incidents", incidents.open());
        return "workflow/incidents";
    }

    @PostMapping("/admin/incidents/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes flash) {
        Incidents.Open retried = incidents.retry(id);
        flash.addFlashAttribute("message", "Trying \u201c" + retried.step() + "\u201d of " + retried.workflow()
                + (retried.reference().isEmpty() ? "" : " " + retried.reference()) + " again. If it fails again it shows here again.");
        return "redirect:/admin/incidents";
    }

    @ExceptionHandler(TaskUnavailableException.class)
    String gone(TaskUnavailableException e, RedirectAttributes flash) {
        flash.addFlashAttribute("message", e.getMessage());
        return "redirect:/admin/incidents";
    }
}
