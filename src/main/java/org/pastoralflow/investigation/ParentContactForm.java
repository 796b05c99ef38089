package org.pastoralflow.investigation;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/** "Contact the parents of each student": who was spoken to, how, when, what was said. */
@Component
class ParentContactForm extends IncidentForm {

    ParentContactForm(Investigations investigations, InvestigationRecording recording) {
        super("investigation/parents", "Contact the parents", investigations, recording);
    }

    @Override
    List<FormField> fields(Incident i, TaskView task) {
        return List.of(
                FormField.text("contactWith", "Who you spoke to").withHint("E.g. \u201cMum (Ms Ames)\u201d, \u201cfoster carer\u201d."),
                FormField.choice("method", "How", InvestigationRecording.CONTACT_METHODS),
                FormField.dateTime("contactedAt", "When"),
                FormField.longText("said", "What was said"));
    }

    @Override
    String intro(Incident i, TaskView task) {
        Student s = investigations.studentsById(List.of(task.studentId())).get(task.studentId());
        return "The parents or carers of " + s.displayName() + ": tell them the outcome and any sanction, support or mediation.";
    }

    @Override
    Map<String, Object> write(Incident i, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
        if (v.get("contactedAt") != null && LocalDateTime.parse(v.get("contactedAt")).atZone(investigations.zone()).toInstant()
                .isAfter(investigations.now().plusSeconds(300))) {
            data.reject("contactedAt", "When cannot be in the future.");
        }
        data.throwIfInvalid();
        recording.recordParentContact(i, investigations.check(i, CheckKind.PARENT_CONTACT, task.studentId()),
                v.get("contactWith"), v.get("method"),
                LocalDateTime.parse(v.get("contactedAt")).atZone(investigations.zone()).toInstant(), v.get("said"), viewer);
        return Map.of();
    }
}
