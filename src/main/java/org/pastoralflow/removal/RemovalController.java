package org.pastoralflow.removal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
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

/** Recording a removal from a lesson (any member of staff), and the reflection room's register by day. */
@Controller
class RemovalController {

    private final Removals removals;
    private final StudentRepository students;
    private final StudentPicker picker;

    RemovalController(Removals removals, StudentRepository students, StudentPicker picker) {
        this.picker = picker;
        this.removals = removals;
        this.students = students;
    }

    @GetMapping("/removals/new")
    String newRemoval(Model model) {
        LocalDateTime now = LocalDateTime.ofInstant(removals.now(), removals.zone()).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> form = new HashMap<>();
        form.put("day", now.toLocalDate().toString());
        form.put("time", now.toLocalTime().toString());
        LocalTime back = now.toLocalTime().isAfter(LocalTime.of(22, 59)) ? LocalTime.of(23, 59) : now.toLocalTime().plusHours(1);
        form.put("returnTime", back.toString());
        return form(model, form, Map.of(), null);
    }

    /** One form, two buttons: find a student by name (keeping what is typed), or record the removal. */
    @PostMapping("/removals")
    String record(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        String action = values.remove("action");
        String pick = values.remove("pick");
        if (pick != null) {
            values.put("upn", pick);
            return form(model, values, Map.of(), null);
        }
        if ("find".equals(action)) {
            FormData find = new FormData(values);
            String q = find.text("q", "Find a student by name", 100, false);
            return find.errors().containsKey("q") ? form(model, find.values(), Map.of("q", find.errors().get("q")), null)
                    : form(model, values, Map.of(), q);
        }
        try {
            Removal r = removals.record(new FormData(values), viewer);
            flash.addFlashAttribute("message", "Removal recorded: " + removals.studentName(r.getStudentId()) + " to "
                    + r.getDestination() + ". It is in the student's chronology.");
            return "redirect:/removals/new";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(model, e.data().values(), e.errors(), null);
        }
    }

    @GetMapping("/removals/room")
    String room(@RequestParam(required = false) String day, Viewer viewer, Model model, HttpServletResponse response) {
        LocalDate date = LocalDate.ofInstant(removals.now(), removals.zone());
        Map<String, String> errors = new HashMap<>();
        if (day != null && !day.isBlank()) {
            LocalDate asked = FormData.day(day.trim());
            if (asked == null) {
                errors.put("day", "Day must be a date like 23/11/2026.");
                response.setStatus(400);
            } else {
                date = asked;
            }
        }
        return roomPage(model, date, viewer, null, Map.of(), errors);
    }

    @PostMapping("/removals/{id}/register")
    String register(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                    RedirectAttributes flash, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            Removal r = removals.registerOne(id, new FormData(values), viewer);
            flash.addFlashAttribute("message", "Register saved for " + removals.studentName(r.getStudentId()) + ".");
            return "redirect:/removals/room?day=" + LocalDate.ofInstant(r.getRemovedAt(), removals.zone());
        } catch (InvalidFormException e) {
            response.setStatus(422);
            Removal r = removals.byId(id, viewer);
            return roomPage(model, LocalDate.ofInstant(r.getRemovedAt(), removals.zone()), viewer, id, e.data().values(), e.errors());
        }
    }

    private String roomPage(Model model, LocalDate day, Viewer viewer, Long failedRow, Map<String, String> form,
                            Map<String, String> errors) {
        List<Removal> rows = removals.register(day, viewer);
        Map<Long, String> names = new HashMap<>();
        students.findAllById(rows.stream().map(Removal::getStudentId).distinct().toList())
                .forEach(s -> names.put(s.getId(), s.displayName() + " (" + s.yearAndGroup() + ")"));
        model.addAttribute("day", day);
        model.addAttribute("previousDay", day.minusDays(1));
        model.addAttribute("nextDay", day.plusDays(1));
        model.addAttribute("rows", rows);
        model.addAttribute("names", names);
        model.addAttribute("rooms", removals.settings().registerDestinations());
        model.addAttribute("failedRow", failedRow);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", removals.zone());
        return "removal/room";
    }

    private String form(Model model, Map<String, String> form, Map<String, String> errors, String q) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", removals.settings().reasons());
        model.addAttribute("destinations", removals.settings().destinations());
        model.addAllAttributes(picker.finder(q, form.get("upn")));
        return "removal/form";
    }
}
