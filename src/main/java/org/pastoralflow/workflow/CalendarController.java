package org.pastoralflow.workflow;

import org.pastoralflow.forms.InvalidFormException;

import org.pastoralflow.forms.FormData;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Term dates, edited by an administrator; every deadline in school days reads them. */
@Controller
class CalendarController {

    private final TermDates termDates;

    CalendarController(TermDates termDates) {
        this.termDates = termDates;
    }

    @GetMapping("/admin/calendar")
    String calendar(Model model) {
        return page(model, Map.of(), Map.of(), null);
    }

    @PostMapping("/admin/calendar/terms")
    String addTerm(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return save(() -> termDates.addTerm(data(params)), params, "term", model, flash, response);
    }

    @PostMapping("/admin/calendar/closures")
    String addClosure(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return save(() -> termDates.addClosure(data(params)), params, "closure", model, flash, response);
    }

    @PostMapping("/admin/calendar/terms/{id}/delete")
    String removeTerm(@PathVariable Long id, RedirectAttributes flash) {
        termDates.removeTerm(id);
        flash.addFlashAttribute("message", "Term removed.");
        return "redirect:/admin/calendar";
    }

    @PostMapping("/admin/calendar/closures/{id}/delete")
    String removeClosure(@PathVariable Long id, RedirectAttributes flash) {
        termDates.removeClosure(id);
        flash.addFlashAttribute("message", "Closure removed.");
        return "redirect:/admin/calendar";
    }

    private String save(Runnable action, Map<String, String> params, String which, Model model, RedirectAttributes flash,
                        HttpServletResponse response) {
        try {
            action.run();
            flash.addFlashAttribute("message", "Saved. New deadlines use the updated calendar.");
            return "redirect:/admin/calendar";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(model, e.data().values(), e.errors(), which);
        }
    }

    private static FormData data(Map<String, String> params) {
        Map<String, String> values = new java.util.HashMap<>(params);
        values.remove("_csrf");
        return new FormData(values);
    }

    private String page(Model model, Map<String, String> form, Map<String, String> errors, String which) {
        model.addAttribute("terms", termDates.terms());
        model.addAttribute("closures", termDates.closures());
        model.addAttribute("kinds", TermDates.CLOSURE_KINDS.stream().sorted().toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("which", which);
        return "workflow/calendar";
    }
}
