package org.pastoralflow.family;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The form of contact-follow-up.bpmn's one task: what was done, with the contact and the student's contacts above it. */
@Configuration
class FamilyForms {

    private final FormSet<ContactLogEntry> forms;
    private final ContactLog log;

    FamilyForms(ContactLog log, FamilyContacts contacts, CaseStore caseStore, Clock clock) {
        this.log = log;
        this.forms = FormSet.<ContactLogEntry>of("family/task", task -> log.forTask(task.businessKey()), (entry, task, viewer) -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("contact", entry);
                    model.put("familyContacts", contacts.of(entry.getStudentId(), viewer));
                    model.put("history", caseStore.aboutRecord(ContactLogEntry.RECORD_TYPE, entry.getId(), viewer, entry.getStudentId(),
                            "task " + task.form()));
                    return model;
                })
                .withDefaults(FormSet.todayIn(() -> LocalDate.now(clock)))
                .withRule(s -> s.refuseDatesAfter(LocalDate.now(clock)));
    }

    @Bean
    TaskForm contactFollowUpForm() {
        return forms.form(ContactFollowUpProcess.FORM, "Follow up the contact with home", List.of(
                FormField.date("doneOn", "Date followed up"),
                FormField.longText("note", "What was done"))).completes(s -> {
                    log.followedUp(s.record(), s.day("doneOn"), s.get("note"), s.viewer());
                    return Map.of();
                });
    }
}
