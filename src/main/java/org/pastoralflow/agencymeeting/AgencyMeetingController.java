package org.pastoralflow.agencymeeting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Multi-agency meeting series: the list, opening one, a series' page, closing it, an agency's action marked done. */
@Controller
class AgencyMeetingController {

    private final AgencyMeetings series;
    private final MeetingRecording recording;
    private final MeetingInvitations invitations;

    AgencyMeetingController(AgencyMeetings series, MeetingRecording recording, MeetingInvitations invitations) {
        this.series = series;
        this.recording = recording;
        this.invitations = invitations;
    }

    @GetMapping("/agency-meetings")
    String list(Viewer viewer, Model model) {
        List<MeetingSeries> open = series.open(viewer);
        model.addAttribute("seriesList", open);
        model.addAttribute("names", series.studentsOf(open));
        model.addAttribute("settings", series.settings());
        return "agencymeeting/list";
    }

    /** {@code ?upn=} fills in the student (the student page links here). */
    @GetMapping("/agency-meetings/new")
    String newSeries(@RequestParam(required = false) String upn, Model model) {
        Map<String, String> form = new HashMap<>();
        if (upn != null && upn.matches("[A-Za-z0-9]{1,13}")) {
            form.put("upn", upn);
        }
        form.put("firstMeetingOn", series.today().toString());
        return form(form, Map.of(), model);
    }

    @PostMapping("/agency-meetings")
    String open(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            MeetingSeries s = series.open(new FormData(values), viewer);
            flash.addFlashAttribute("message", "Series " + s.getReference() + " opened. On the meeting's day its keeper is reminded to record it.");
            return "redirect:/agency-meetings/" + s.getReference();
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(e.data().values(), e.errors(), model);
        }
    }

    private String form(Map<String, String> form, Map<String, String> errors, Model model) {
        String upn = form.get("upn");
        Student picked = upn == null || errors.containsKey("upn") ? null : series.studentByUpn(upn).orElse(null);
        model.addAttribute("picked", picked == null ? null : picked.displayName() + " (" + picked.yearAndGroup() + ")");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", series.settings().kinds());
        model.addAttribute("levels", AgencyMeetings.LEVELS);
        return "agencymeeting/new";
    }

    @GetMapping("/agency-meetings/{reference}")
    String show(@PathVariable String reference, Viewer viewer, Model model) {
        MeetingSeries s = series.readable(reference, viewer);
        List<AgencyAction> actions = series.actionsOf(s, viewer);
        model.addAttribute("series", s);
        model.addAttribute("kindName", series.kindName(s));
        model.addAttribute("student", series.studentOf(s.getStudentId()));
        model.addAttribute("meetings", series.meetingsOf(s));
        model.addAttribute("actions", actions);
        model.addAttribute("waiting", actions.stream().filter(series::waitsForAgency).map(AgencyAction::getReference).toList());
        model.addAttribute("keeps", series.keeps(s, viewer));
        model.addAttribute("today", series.today());
        model.addAttribute("openTasks", series.openTasks(s, actions, viewer));
        model.addAttribute("history", series.history(s, viewer, "agency meeting series page"));
        model.addAttribute("notices", invitations.noticesOf(s));
        model.addAttribute("parents", invitations.invitableParents(s.getStudentId()));
        model.addAttribute("inviteRows", java.util.stream.IntStream.rangeClosed(1, MeetingInvitations.ROWS).boxed().toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", Map.of());
        }
        return "agencymeeting/show";
    }

    @PostMapping("/agency-meetings/{reference}/close")
    String close(@PathVariable String reference, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                 RedirectAttributes flash, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            series.close(reference, new FormData(values), viewer);
            flash.addFlashAttribute("message", "Series " + reference + " ended.");
            return "redirect:/agency-meetings/" + reference;
        } catch (InvalidFormException e) {
            return again(reference, e, viewer, model, response);
        }
    }

    @PostMapping("/agency-meetings/{reference}/actions/{action}/done")
    String agencyActionDone(@PathVariable String reference, @PathVariable String action, @RequestParam Map<String, String> params,
                            Viewer viewer, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            recording.agencyActionDone(reference, action, new FormData(values), viewer);
            flash.addFlashAttribute("message", "Action " + action + " marked done.");
            return "redirect:/agency-meetings/" + reference;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            // the page has a form per waiting action: the one sent comes back with its fields named plainly
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", e.data().values());
            model.addAttribute("failedAction", action);
            return show(reference, viewer, model);
        }
    }

    /** Invitations to the planned meeting: e-mailed through the outbox, each kept on the series' record. */
    @PostMapping("/agency-meetings/{reference}/invitations")
    String invite(@PathVariable String reference, @RequestParam org.springframework.util.MultiValueMap<String, String> params,
                  Viewer viewer, Model model, RedirectAttributes flash, HttpServletResponse response) {
        FormData data = new FormData(flatten(params));
        try {
            int sent = invitations.invite(reference, data, viewer).size();
            flash.addFlashAttribute("message", sent + " invitation" + (sent == 1 ? "" : "s") + " sent. The text of each is below.");
            return "redirect:/agency-meetings/" + reference;
        } catch (InvalidFormException e) {
            return again(reference, e, viewer, model, response);
        }
    }

    /** The planned meeting moved to a new day (time, place), with the reason: its reminder follows, its invitees are told. */
    @PostMapping("/agency-meetings/{reference}/rearrange")
    String rearrange(@PathVariable String reference, @RequestParam org.springframework.util.MultiValueMap<String, String> params,
                     Viewer viewer, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            int told = invitations.rearrange(reference, new FormData(flatten(params)), viewer).size();
            flash.addFlashAttribute("message", "Meeting moved; the reminder to record it follows the new date"
                    + (told == 0 ? "." : ", and " + told + (told == 1 ? " person invited was" : " people invited were") + " told."));
            return "redirect:/agency-meetings/" + reference;
        } catch (InvalidFormException e) {
            return again(reference, e, viewer, model, response);
        }
    }

    private String again(String reference, InvalidFormException e, Viewer viewer, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("errors", e.errors());
        model.addAttribute("form", e.data().values());
        return show(reference, viewer, model);
    }

    /** A checkbox list comes as several values of one name: one value, comma-separated, as the form readers expect. */
    private static Map<String, String> flatten(org.springframework.util.MultiValueMap<String, String> params) {
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> values.put(k, String.join(",", v)));
        values.remove("_csrf");
        return values;
    }
}
