package org.pastoralflow.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.notification.BoardAlerts;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.workflow.StaffNames;
import org.pastoralflow.workflow.TaskUnavailableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Calling for help (any staff), the live board of calls (responders), and the duty rota. */
@Controller
class OncallController {

    private final OncallService oncall;
    private final DutyRotaRepository rota;
    private final StaffDirectory directory;
    private final Formats fmt;
    private final StaffNames people;
    private final List<BoardAlerts> alerts;

    OncallController(OncallService oncall, DutyRotaRepository rota, StaffDirectory directory, Formats fmt, StaffNames people,
                     List<BoardAlerts> alerts) {
        this.oncall = oncall;
        this.alerts = alerts;
        this.rota = rota;
        this.directory = directory;
        this.fmt = fmt;
        this.people = people;
    }

    @GetMapping("/oncall/new")
    String callForm(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "oncall/new";
    }

    @PostMapping("/oncall")
    String call(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            OncallCall call = oncall.raise(new FormData(values), viewer);
            flash.addFlashAttribute("message", "Your call for help from " + call.getRoom() + " (" + call.getReference()
                    + ") is on the on-call board of the staff on duty now. Someone will come.");
            return "redirect:/oncall/new";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            model.addAttribute("form", e.data().values());
            model.addAttribute("errors", e.errors());
            return "oncall/new";
        }
    }

    @GetMapping("/oncall")
    String board(Model model, Viewer viewer) {
        model.addAttribute("calls", oncall.open());
        // other features' alerts (an overdue home visit), each as this viewer may see it
        model.addAttribute("alerts", alerts.stream().flatMap(a -> a.alertsFor(viewer).stream()).toList());
        return "oncall/board";
    }

    record CallJson(String reference, String room, String student, String reason, String raisedAt, String claimedBy,
                    String claimedByName, boolean escalated) {
    }

    /** What the board page polls, so every responder sees a new call, and a claimed one, without reloading. */
    @GetMapping("/oncall/calls.json")
    @ResponseBody
    List<CallJson> calls() {
        return oncall.open().stream().map(c -> new CallJson(c.getReference(), c.getRoom(), c.getStudentName(), c.getReason(),
                fmt.when(c.getRaisedAt()), c.getClaimedBy(), people.name(c.getClaimedBy()), c.isEscalated())).toList();
    }

    @PostMapping("/oncall/{reference}/claim")
    String claim(@PathVariable String reference, Viewer viewer, RedirectAttributes flash) {
        try {
            OncallCall call = oncall.claim(reference, viewer);
            return "redirect:/tasks/" + oncall.taskOf(call).orElseThrow();
        } catch (TaskUnavailableException e) {
            flash.addFlashAttribute("message", e.getMessage());
            return "redirect:/oncall";
        }
    }

    @GetMapping("/oncall/rota")
    String rota(Model model) {
        return rotaPage(model, Map.of(), Map.of());
    }

    @PostMapping("/oncall/rota")
    String addSlot(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash, HttpServletResponse response) {
        FormData data = new FormData(params);
        String user = data.required("userId", "Who");
        if (user != null && !directory.membersOf("pso").contains(user)) {
            data.reject("userId", "Who must be a member of the PSO group.");
        }
        String day = data.oneOf("weekday", "Day", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        LocalTime from = time(data, "startsAt", "From");
        LocalTime to = time(data, "endsAt", "To");
        if (from != null && to != null && !to.isAfter(from)) {
            data.reject("endsAt", "To must be after From.");
        }
        if (data.hasErrors()) {
            response.setStatus(422);
            return rotaPage(model, data.values(), data.errors());
        }
        rota.save(new DutySlot(user, DayOfWeek.valueOf(day), from, to));
        flash.addFlashAttribute("message", "Added to the rota.");
        return "redirect:/oncall/rota";
    }

    @PostMapping("/oncall/rota/{id}/delete")
    String removeSlot(@PathVariable Long id, RedirectAttributes flash) {
        rota.deleteById(id);
        flash.addFlashAttribute("message", "Removed from the rota.");
        return "redirect:/oncall/rota";
    }

    private static LocalTime time(FormData data, String field, String label) {
        String v = data.required(field, label);
        try {
            return v == null ? null : LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            data.reject(field, label + " must be a time like 08:30.");
            return null;
        }
    }

    private String rotaPage(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("slots", rota.findAllByOrderByWeekdayAscStartsAtAsc());
        model.addAttribute("psos", directory.membersOf("pso"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "oncall/rota";
    }
}
