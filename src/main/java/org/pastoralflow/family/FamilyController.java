package org.pastoralflow.family;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.Coded;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contacts import (administrators), logging a contact with home from the student page, and "My follow-ups". */
@Controller
class FamilyController {

    private final ContactImporter importer;
    private final ContactLog log;
    private final FamilyContacts contacts;
    private final TaskInbox inbox;
    private final OverdueFollowUps overdue;

    FamilyController(ContactImporter importer, ContactLog log, FamilyContacts contacts, TaskInbox inbox, OverdueFollowUps overdue) {
        this.overdue = overdue;
        this.importer = importer;
        this.log = log;
        this.contacts = contacts;
        this.inbox = inbox;
    }

    @GetMapping("/admin/contacts/import")
    String importForm(Model model) {
        model.addAttribute("restrictions", contacts.settings().restrictions());
        return "family/import";
    }

    @PostMapping("/admin/contacts/import")
    String importCsv(@RequestParam("file") MultipartFile file, Viewer viewer, Model model) throws IOException {
        model.addAttribute("restrictions", contacts.settings().restrictions());
        if (file.isEmpty()) {
            model.addAttribute("report", new ImportReport(0, 0, 0,
                    List.of(new ImportReport.Problem(0, "file", "Choose the contacts CSV exported from the MIS."))));
        } else {
            model.addAttribute("report", importer.importCsv(file.getInputStream(), viewer.userId()));
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        return "family/import";
    }

    @GetMapping("/students/{id}/contacts/new")
    String newContact(@PathVariable Long id, Viewer viewer, Model model) {
        LocalDateTime now = log.now();
        Map<String, String> form = new HashMap<>();
        form.put("day", now.toLocalDate().toString());
        form.put("time", now.toLocalTime().toString());
        form.put("confidentiality", "pastoral");
        return form(model, log.student(id, viewer), viewer, form, Map.of());
    }

    @PostMapping("/students/{id}/contacts")
    String record(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                  RedirectAttributes flash, HttpServletResponse response) {
        Student student = log.student(id, viewer);
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            ContactLogEntry e = log.record(id, new FormData(values), viewer);
            flash.addFlashAttribute("message", "Contact logged (" + e.getReference() + "): it is in the student's chronology"
                    + (e.getFollowUpOn() == null ? "." : ", and the follow-up is in your inbox and on My follow-ups."));
            return "redirect:/students/" + id;
        } catch (InvalidFormException ex) {
            response.setStatus(422);
            return form(model, student, viewer, ex.data().values(), ex.errors());
        }
    }

    @GetMapping("/family/follow-ups")
    String followUps(Viewer viewer, Model model) {
        List<ContactLogEntry> mine = log.followUpsOf(viewer);
        Map<String, String> tasks = inbox.openTaskIds(mine.stream().map(ContactLogEntry::getProcessInstanceId)
                .filter(Objects::nonNull).toList(), ContactFollowUpProcess.TASK);
        Map<Long, String> names = new HashMap<>();
        mine.forEach(e -> names.computeIfAbsent(e.getStudentId(), log::studentName));
        model.addAttribute("followUps", mine);
        model.addAttribute("tasks", tasks);
        model.addAttribute("names", names);
        model.addAttribute("today", log.now().toLocalDate());
        // the Pastoral Lead's list: others' follow-ups still undone after the reminder and a further wait
        List<ContactLogEntry> late = overdue.forLead(viewer);
        late.forEach(e -> names.computeIfAbsent(e.getStudentId(), log::studentName));
        model.addAttribute("late", late);
        return "family/follow-ups";
    }

    private String form(Model model, Student student, Viewer viewer, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("student", student);
        model.addAttribute("familyContacts", contacts.of(student.getId(), viewer));
        model.addAttribute("methods", Coded.options(ContactMethod.class));
        model.addAttribute("levels", ContactLog.levelsFor(viewer));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "family/log";
    }
}
