package org.pastoralflow.letters;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The template editor (the Pastoral Lead: /letters/templates, by security.SecurityConfig), sending a
 * letter from the student page, and a sent letter's page and PDF.
 */
@Controller
class LettersController {

    private final LetterTemplates templates;
    private final Letters letters;
    private final LetterPdf pdf;

    LettersController(LetterTemplates templates, Letters letters, LetterPdf pdf) {
        this.templates = templates;
        this.letters = letters;
        this.pdf = pdf;
    }

    @GetMapping("/letters/templates")
    String templates(Model model) {
        model.addAttribute("templates", templates.current());
        return "letters/templates";
    }

    @GetMapping("/letters/templates/new")
    String newTemplate(Viewer viewer, Model model) {
        return editor(model, null, viewer, new HashMap<>(), Map.of());
    }

    @PostMapping("/letters/templates")
    String create(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        return save(null, params, viewer, model, flash, response);
    }

    /** {@code ?upn=}: the preview with that student as well, if the viewer may read about them. */
    @GetMapping("/letters/templates/{id}")
    String template(@PathVariable Long id, @RequestParam(required = false) String upn, Viewer viewer, Model model,
                    HttpServletResponse response) {
        TemplateVersion current = templates.current(id);
        Map<String, String> form = new HashMap<>();
        form.put("name", current.getName());
        form.put("subject", current.getSubject());
        form.put("body", current.getBody());
        form.put("basedOn", String.valueOf(current.getVersion()));
        Map<String, String> errors = new HashMap<>();
        if (upn != null) {
            FormData data = new FormData(Map.of("previewUpn", upn));
            String wanted = data.text("previewUpn", "Student (UPN)", 13, true);
            Map<String, String> values = wanted == null ? null
                    : letters.previewValues(wanted, id, templates.sampleValues(viewer), viewer).orElse(null);
            if (wanted != null && values == null) {
                data.reject("previewUpn", "No student you may write to about has this UPN.");
            }
            if (data.hasErrors()) {
                errors.putAll(data.errors());
                response.setStatus(422);
            } else {
                model.addAttribute("studentSubject", MergeFields.merge(current.getSubject(), values));
                model.addAttribute("studentBody", MergeFields.merge(current.getBody(), values));
            }
            model.addAttribute("previewUpn", data.values().get("previewUpn"));
        }
        return editor(model, current, viewer, form, errors);
    }

    @PostMapping("/letters/templates/{id}")
    String update(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                  RedirectAttributes flash, HttpServletResponse response) {
        templates.current(id);
        return save(id, params, viewer, model, flash, response);
    }

    private String save(Long id, Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                        HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            TemplateVersion saved = templates.save(id, new FormData(values), viewer);
            flash.addFlashAttribute("message", "Saved as version " + saved.getVersion() + " of \u201c" + saved.getName()
                    + "\u201d. Letters sent from now on use it; letters already sent keep the version they used.");
            return "redirect:/letters/templates/" + saved.getTemplateNo();
        } catch (InvalidFormException ex) {
            response.setStatus(422);
            return editor(model, id == null ? null : templates.current(id), viewer, ex.data().values(), ex.errors());
        }
    }

    private String editor(Model model, TemplateVersion current, Viewer viewer, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("current", current);
        model.addAttribute("fields", MergeFields.FIELDS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (current != null) {
            Map<String, String> sample = templates.sampleValues(viewer);
            model.addAttribute("previewSubject", MergeFields.merge(current.getSubject(), sample));
            model.addAttribute("previewBody", MergeFields.merge(current.getBody(), sample));
            model.addAttribute("history", templates.history(current.getTemplateNo()));
        }
        return "letters/template";
    }

    @GetMapping("/students/{id}/letters/new")
    String newLetter(@PathVariable Long id, Viewer viewer, Model model) {
        Map<String, String> form = new HashMap<>();
        return sendForm(model, letters.student(id, viewer), form, Map.of());
    }

    @PostMapping("/students/{id}/letters")
    String send(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                RedirectAttributes flash, HttpServletResponse response) {
        Student student = letters.student(id, viewer);
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            Letter letter = letters.send(id, new FormData(values), viewer);
            flash.addFlashAttribute("message", (letter.getChannel() == Letter.Channel.EMAIL
                    ? "E-mail sent to " + letter.getToName() : "Letter for the post made for " + letter.getToName() + ": print it below")
                    + " (" + letter.getReference() + "). Its text is in the student's chronology.");
            return "redirect:/letters/" + letter.getReference();
        } catch (InvalidFormException ex) {
            response.setStatus(422);
            return sendForm(model, student, ex.data().values(), ex.errors());
        }
    }

    private String sendForm(Model model, Student student, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("student", student);
        model.addAttribute("recipients", letters.recipients(student.getId()));
        model.addAttribute("templates", templates.current());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "letters/send";
    }

    @GetMapping("/letters/{reference}")
    String letter(@PathVariable String reference, Viewer viewer, Model model) {
        Letter letter = letters.byReference(reference, viewer);
        model.addAttribute("letter", letter);
        model.addAttribute("studentName", letters.studentName(letter.getStudentId()));
        model.addAttribute("emailStatus", letters.emailStatus(letter));
        model.addAttribute("day", letters.day(letter));
        return "letters/letter";
    }

    @GetMapping("/letters/{reference}/letter.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable String reference, Viewer viewer) {
        byte[] body = pdf.render(reference, viewer);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letter-" + reference + ".pdf").build().toString())
                .body(body);
    }
}
