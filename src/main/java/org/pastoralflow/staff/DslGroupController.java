package org.pastoralflow.staff;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The DSLs' page: changes to their group an administrator has proposed, to confirm or refuse. */
@Controller
class DslGroupController {

    private final GroupChanges groupChanges;
    private final StaffDirectory directory;

    DslGroupController(GroupChanges groupChanges, StaffDirectory directory) {
        this.groupChanges = groupChanges;
        this.directory = directory;
    }

    @GetMapping("/dsl-group")
    String page(Viewer viewer, Model model) {
        return page(viewer, model, Map.of());
    }

    @PostMapping("/dsl-group/{id}/confirm")
    String confirm(@PathVariable Long id, Viewer viewer, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            GroupChange done = groupChanges.confirm(id, viewer);
            flash.addFlashAttribute("message", "Confirmed " + done.describe(directory.displayName(done.getUserId()))
                    + ". It applies from their next click.");
            return "redirect:/dsl-group";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(viewer, model, e.errors());
        }
    }

    @PostMapping("/dsl-group/{id}/refuse")
    String refuse(@PathVariable Long id, Viewer viewer, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            groupChanges.refuse(id, viewer);
            flash.addFlashAttribute("message", "Refused. Nothing has changed in the DSL group.");
            return "redirect:/dsl-group";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(viewer, model, e.errors());
        }
    }

    /** A waiting change, and why this DSL may not decide it (null when they may). */
    public record Waiting(GroupChange change, String whyNot) {
    }

    private String page(Viewer viewer, Model model, Map<String, String> errors) {
        model.addAttribute("waiting", groupChanges.waiting().stream().map(c -> new Waiting(c, groupChanges.whyNot(c, viewer))).toList());
        model.addAttribute("decided", groupChanges.recentlyDecided());
        model.addAttribute("errors", errors);
        return "staff/dsl-group";
    }
}
