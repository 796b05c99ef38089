package org.pastoralflow.retention;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The DSL's retention page: records past their date, each destroyed or held, and the log. */
@Controller
class RetentionController {

    private final RetentionService retention;

    RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @GetMapping("/retention")
    String page(Model model) {
        return page(model, null, Map.of(), Map.of());
    }

    private String page(Model model, Long failedId, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("due", retention.due());
        model.addAttribute("decided", retention.decided());
        model.addAttribute("failedId", failedId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", retention.today());
        return "retention/list";
    }

    @PostMapping("/retention/review")
    String reviewNow(RedirectAttributes flash) {
        int due = retention.review(retention.today());
        flash.addFlashAttribute("message", due == 0 ? "Nothing is past its retention date."
                : due + (due == 1 ? " record is" : " records are") + " waiting for a decision.");
        return "redirect:/retention";
    }

    @PostMapping("/retention/{id}/destroy")
    String destroy(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                   RedirectAttributes flash, HttpServletResponse response) {
        return decide(id, params, model, flash, response, data -> retention.destroy(id, data, viewer), "Destroyed and logged.");
    }

    @PostMapping("/retention/{id}/hold")
    String hold(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                RedirectAttributes flash, HttpServletResponse response) {
        return decide(id, params, model, flash, response, data -> retention.hold(id, data, viewer), "Held, with the reason logged.");
    }

    private String decide(Long id, Map<String, String> params, Model model, RedirectAttributes flash,
                          HttpServletResponse response, java.util.function.Consumer<FormData> decision, String done) {
        params.remove("_csrf");
        try {
            decision.accept(new FormData(params));
            flash.addFlashAttribute("message", done);
            return "redirect:/retention";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(model, id, e.data().values(), e.errors());
        }
    }
}
