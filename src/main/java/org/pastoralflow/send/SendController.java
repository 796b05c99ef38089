package org.pastoralflow.send;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.Coded;
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

/** The SEN register, a pupil's SEN page, and what the SENCO records on them (caseworkers read; the SENCO writes). */
@Controller
class SendController {

    private final SenRegister register;
    private final SenRecording recording;
    private final TransferReviews transfers;
    private final EhcpReviewTimes times;
    private final SenNeedsImporter needsImporter;
    private final EhcpReviewRecording reviewRecording;

    SendController(SenRegister register, SenRecording recording, TransferReviews transfers, EhcpReviewTimes times,
                   SenNeedsImporter needsImporter, EhcpReviewRecording reviewRecording) {
        this.needsImporter = needsImporter;
        this.reviewRecording = reviewRecording;
        this.register = register;
        this.recording = recording;
        this.transfers = transfers;
        this.times = times;
    }

    @GetMapping("/send")
    String list(@RequestParam(required = false) String status, Viewer viewer, Model model) {
        String narrow = "K".equals(status) || "E".equals(status) ? status : null;
        model.addAttribute("rows", register.register(viewer, narrow));
        model.addAttribute("status", narrow);
        model.addAttribute("incoming", transfers.incoming(viewer));
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "send/register";
    }

    /** The SEN export's areas of need (the SENCO's: they are SEND records); every row checked, all or nothing. */
    @GetMapping("/send/import")
    String importForm(Viewer viewer, Model model) {
        requireSenco(viewer);
        model.addAttribute("needs", Coded.options(NeedArea.class));
        return "send/import";
    }

    @PostMapping("/send/import")
    String importNeeds(@RequestParam("file") org.springframework.web.multipart.MultipartFile file, Viewer viewer, Model model)
            throws java.io.IOException {
        requireSenco(viewer);
        model.addAttribute("needs", Coded.options(NeedArea.class));
        if (file.isEmpty()) {
            model.addAttribute("report", new org.pastoralflow.forms.ImportReport(0, 0, 0,
                    java.util.List.of(new org.pastoralflow.forms.ImportReport.Problem(0, "file", "Choose the SEN CSV exported from the MIS."))));
        } else {
            model.addAttribute("report", needsImporter.importCsv(file.getInputStream(), viewer.userId()));
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        return "send/import";
    }

    private static void requireSenco(Viewer viewer) {
        if (!viewer.inAny(org.pastoralflow.security.Group.SENCO)) {
            throw new org.pastoralflow.security.NotFoundException("Nothing was found there.");
        }
    }

    @PostMapping("/send/transfer-reviews")
    String transferReview(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                          HttpServletResponse response) {
        Map<String, String> values = withoutToken(params);
        try {
            var t = transfers.record(new FormData(values), viewer);
            flash.addFlashAttribute("message", "Phase-transfer review recorded on " + t.displayName() + "'s transition record.");
            return "redirect:/send";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            model.addAttribute("rows", register.register(viewer, null));
            model.addAttribute("status", null);
            model.addAttribute("incoming", transfers.incoming(viewer));
            model.addAttribute("form", e.data().values());
            model.addAttribute("errors", e.errors());
            return "send/register";
        }
    }

    @GetMapping("/send/students/{id}")
    String pupil(@PathVariable Long id, Viewer viewer, Model model) {
        return page(model, register.pupil(id, viewer), Map.of(), Map.of(), null);
    }

    @PostMapping("/send/students/{id}/needs")
    String needs(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                 HttpServletResponse response) {
        try {
            recording.describe(id, new FormData(withoutToken(params)), viewer);
            flash.addFlashAttribute("message", "Areas of need and profile saved.");
            return "redirect:/send/students/" + id;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(model, register.pupil(id, viewer), e.data().values(), e.errors(), "needs");
        }
    }

    @PostMapping("/send/students/{id}/ehcp")
    String ehcp(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        try {
            EhcpPlan plan = recording.recordPlan(id, new FormData(withoutToken(params)), viewer);
            flash.addFlashAttribute("message", "EHCP recorded: the next annual review is due by " + plan.nextReviewDue() + ".");
            return "redirect:/send/students/" + id;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(model, register.pupil(id, viewer), e.data().values(), e.errors(), "ehcp");
        }
    }

    @PostMapping("/send/students/{id}/ehcp/meeting")
    String moveMeeting(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                       RedirectAttributes flash, HttpServletResponse response) {
        try {
            EhcpReview review = reviewRecording.moveMeeting(id, new FormData(withoutToken(params)), viewer);
            flash.addFlashAttribute("message", "Meeting moved to " + review.getMeetingOn() + ": invitations and advice are now due by "
                    + times.invitationsDay(review) + (review.getInvitationsSentOn() != null ? "; tell everyone invited of the new date." : "."));
            return "redirect:/send/students/" + id;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(model, register.pupil(id, viewer), e.data().values(), e.errors(), "move");
        }
    }

    private String page(Model model, Student student, Map<String, String> typed, Map<String, String> errors, String failed) {
        SenEntry entry = register.entryOf(student.getId()).orElse(null);
        EhcpPlan plan = register.planOf(student.getId()).orElse(null);
        Map<String, String> needsForm = new HashMap<>();
        if (entry != null) {
            putIfSet(needsForm, "primaryNeed", entry.getPrimaryNeed());
            putIfSet(needsForm, "secondaryNeed", entry.getSecondaryNeed());
            putIfSet(needsForm, "strengths", entry.getStrengths());
            putIfSet(needsForm, "needs", entry.getNeeds());
            putIfSet(needsForm, "whatHelps", entry.getWhatHelps());
        }
        model.addAttribute("student", student);
        model.addAttribute("entry", entry);
        model.addAttribute("plan", plan);
        model.addAttribute("reviews", register.reviewsOf(plan));
        model.addAttribute("supportReviews", register.supportReviewsOf(entry));
        model.addAttribute("needAreas", Coded.options(NeedArea.class));
        model.addAttribute("needsForm", "needs".equals(failed) ? typed : needsForm);
        model.addAttribute("ehcpForm", "ehcp".equals(failed) ? typed : Map.of());
        model.addAttribute("moveForm", "move".equals(failed) ? typed : Map.of());
        model.addAttribute("errors", errors);
        model.addAttribute("today", register.today());
        model.addAttribute("times", times);
        return "send/pupil";
    }

    private static void putIfSet(Map<String, String> form, String field, String value) {
        if (value != null) {
            form.put(field, value);
        }
    }

    private static Map<String, String> withoutToken(Map<String, String> params) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        return values;
    }
}
