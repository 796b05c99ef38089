package org.pastoralflow.transition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording leavers (the office, the Pastoral Lead, Heads of Year, the DSL), and for the DSL group
 * only: the leavers whose child protection file is being transferred, and its secure export.
 */
@Controller
class LeaverController {

    static final int MIN_PASSWORD = 12;

    private final LeaverService leavers;
    private final Pdfs pdfs;
    private final PdfRenderer renderer;
    private final Formats fmt;

    LeaverController(LeaverService leavers, Pdfs pdfs, PdfRenderer renderer, Formats fmt) {
        this.renderer = renderer;
        this.leavers = leavers;
        this.pdfs = pdfs;
        this.fmt = fmt;
    }

    @GetMapping("/leavers/new")
    String newLeaver(Model model) {
        return form(Map.of(), Map.of(), model);
    }

    @PostMapping("/leavers")
    String record(@RequestParam Map<String, String> params, Viewer viewer, RedirectAttributes flash, Model model,
                  HttpServletResponse response) {
        try {
            Leaver l = leavers.record(form(params), viewer);
            Student s = leavers.student(l).orElseThrow();
            flash.addFlashAttribute("message", s.displayName() + " (" + s.getUpn() + ") recorded as leaving on "
                    + fmt.day(l.getLeavingOn()) + ", reference " + l.getReference()
                    + ". If they have a child protection file, the DSL has a task to transfer it.");
            return "redirect:/leavers/new";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(e.data().values(), e.errors(), model);
        }
    }

    @PostMapping("/leavers/year11")
    String year11(@RequestParam Map<String, String> params, Viewer viewer, RedirectAttributes flash, Model model,
                  HttpServletResponse response) {
        try {
            int n = leavers.recordYear11(form(params), viewer);
            flash.addFlashAttribute("message", n + " Year 11 students recorded as leaving. The DSL has a task for each one "
                    + "with a child protection file to transfer.");
            return "redirect:/leavers/new";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            Map<String, String> errors = new HashMap<>();
            e.errors().forEach((k, v) -> errors.put("year11-" + k, v));
            return form(Map.of(), errors, model);
        }
    }

    private String form(Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", Leaver.REASONS);
        return "transition/leaver-new";
    }

    @GetMapping("/leavers")
    String list(Model model) {
        List<Leaver> open = leavers.open();
        List<Leaver> closed = leavers.recentlyClosed();
        List<Leaver> all = new java.util.ArrayList<>(open);
        all.addAll(closed);
        model.addAttribute("open", open);
        model.addAttribute("closed", closed);
        model.addAttribute("students", leavers.students(all));
        return "transition/leavers";
    }

    @GetMapping("/leavers/{reference}")
    String show(@PathVariable String reference, Model model) {
        return page(leavers.byReference(reference), Map.of(), model);
    }

    private String page(Leaver l, Map<String, String> errors, Model model) {
        model.addAttribute("leaver", l);
        model.addAttribute("student", leavers.student(l).orElse(null));
        model.addAttribute("openTasks", leavers.openTasks(l));
        model.addAttribute("errors", errors);
        model.addAttribute("form", Map.of());
        model.addAttribute("minPassword", MIN_PASSWORD);
        return "transition/leaver";
    }

    /**
     * The secure export package: the safeguarding chronology as a PDF encrypted with the DSL's
     * password, which they give the receiving DSL by another route. Audited as an export, with
     * the fingerprint of exactly what was downloaded.
     */
    @PostMapping("/leavers/{reference}/cp-file.pdf")
    ResponseEntity<byte[]> export(@PathVariable String reference, @RequestParam Map<String, String> params, Viewer viewer) {
        Leaver l = leavers.byReference(reference);
        String password = params.getOrDefault("password", "");
        Map<String, String> errors = new HashMap<>();
        if (password.length() < MIN_PASSWORD) {
            errors.put("password", "Choose a password of at least " + MIN_PASSWORD + " characters: the receiving DSL needs it to open the file.");
        } else if (!password.equals(params.get("passwordAgain"))) {
            errors.put("passwordAgain", "The two passwords are not the same.");
        }
        if (!errors.isEmpty()) {
            throw new ExportRefused(l, errors);
        }
        List<ChronologyEntry> entries = leavers.childProtectionFile(l, viewer, "CP file export " + l.getReference());
        Map<String, Object> vars = new HashMap<>();
        vars.put("leaver", l);
        vars.put("student", leavers.student(l).orElseThrow());
        vars.put("entries", entries);
        vars.put("fmt", fmt);
        vars.put("exportedBy", viewer.displayName());
        vars.put("exportedAt", leavers.now());
        byte[] pdf = pdfs.encrypt(renderer.render("transition/cp-file", vars), password);
        leavers.exported(l, Pdfs.sha256(pdf), entries.size(), viewer);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("child-protection-file-" + l.getReference() + ".pdf").build().toString())
                .body(pdf);
    }

    /** A password too short or mistyped: the page again, with the error beside the field. */
    static final class ExportRefused extends RuntimeException {
        final transient Leaver leaver;
        final transient Map<String, String> errors;

        ExportRefused(Leaver leaver, Map<String, String> errors) {
            super("Export refused: " + errors.keySet());
            this.leaver = leaver;
            this.errors = errors;
        }
    }

    @ExceptionHandler(ExportRefused.class)
    String refused(ExportRefused e, Model model, HttpServletResponse response) {
        response.setStatus(422);
        return page(e.leaver, e.errors, model);
    }

    private static FormData form(Map<String, String> params) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        return new FormData(values);
    }
}
