package org.pastoralflow.workflow;

import org.pastoralflow.forms.InvalidFormException;

import org.pastoralflow.forms.FormData;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The task inbox and the form of each task. */
@Controller
public class InboxController {

    private final TaskInbox inbox;
    private final TaskForms forms;
    private final Clock clock;

    public InboxController(TaskInbox inbox, TaskForms forms, Clock clock) {
        this.inbox = inbox;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "all") String show, Viewer viewer, Model model) {
        TaskInbox.Scope scope = switch (show) {
            case "mine" -> TaskInbox.Scope.MINE;
            case "groups" -> TaskInbox.Scope.GROUPS;
            default -> TaskInbox.Scope.ALL;
        };
        List<TaskView> tasks = inbox.forViewer(viewer, scope);
        model.addAttribute("tasks", tasks);
        model.addAttribute("show", show);
        model.addAttribute("now", Date.from(clock.instant()));
        return "workflow/inbox";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, Viewer viewer, RedirectAttributes flash) {
        inbox.claim(id, viewer);
        flash.addFlashAttribute("message", "The task is yours now.");
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, Viewer viewer, RedirectAttributes flash) {
        inbox.unclaim(id, viewer);
        flash.addFlashAttribute("message", "The task is back with the group.");
        return "redirect:/inbox";
    }

    @GetMapping("/tasks/{id}")
    String form(@PathVariable String id, Viewer viewer, Model model) {
        TaskView task = inbox.get(id, viewer);
        return render(task, new FormData(Map.of()), viewer, model);
    }

    @PostMapping("/tasks/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Viewer viewer,
                    Model model, RedirectAttributes flash, HttpServletResponse response) {
        FormData data = new FormData(flatten(params));
        try {
            TaskView done = forms.complete(id, data, viewer);
            flash.addFlashAttribute("message", "\u201c" + done.name() + "\u201d is done.");
            return "redirect:/inbox";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return render(inbox.get(id, viewer), e.data(), viewer, model);
        }
    }

    private String render(TaskView task, FormData data, Viewer viewer, Model model) {
        TaskForm form = forms.formFor(task);
        model.addAllAttributes(form.model(task, viewer));
        model.addAttribute("task", task);
        model.addAttribute("form", data.values());
        model.addAttribute("errors", data.errors());
        model.addAttribute("now", Date.from(clock.instant()));
        return form.view();
    }

    /** Check boxes with the same name arrive as several values; forms read them comma-separated. */
    static Map<String, String> flatten(MultiValueMap<String, String> params) {
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("_csrf")) {
                values.put(k, String.join(",", v));
            }
        });
        return values;
    }

    @ExceptionHandler(TaskUnavailableException.class)
    String unavailable(TaskUnavailableException e, Model model, HttpServletResponse response) {
        response.setStatus(e.reason() == TaskUnavailableException.Reason.NOT_FOUND ? 404 : 409);
        model.addAttribute("message", e.getMessage());
        return "workflow/task-unavailable";
    }
}
