package org.pastoralflow.investigation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.suspension.SuspensionRecording;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Consult the SENCO" in investigation.bpmn, before the Headteacher decides a suspension for a pupil
 * with SEN support or an EHCP: one task per such pupil. A declaration of its own, apart from the
 * investigation's other forms; the advice is written by the suspension feature, against the incident.
 */
@Configuration
class SencoConsultationForm {

    private final Investigations investigations;
    private final SuspensionRecording recording;

    SencoConsultationForm(Investigations investigations, SuspensionRecording recording) {
        this.investigations = investigations;
        this.recording = recording;
    }

    private Map<String, Object> page(Incident i, TaskView task, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        Student pupil = investigations.studentsById(List.of(task.studentId())).get(task.studentId());
        IncidentStudent proposed = investigations.studentsIn(i).stream().filter(s -> s.getStudentId().equals(task.studentId()))
                .findFirst().orElseThrow();
        model.put("student", pupil);
        model.put("incidentReference", i.getReference());
        model.put("proposal", "Suspension for " + proposed.getSuspensionDays() + " school day"
                + (Integer.valueOf(1).equals(proposed.getSuspensionDays()) ? "" : "s"));
        return model;
    }

    @Bean
    TaskForm sencoConsultationTaskForm() {
        FormSet<Incident> set = FormSet.of("suspension/senco", task -> investigations.byReference(task.businessKey()), this::page);
        return set.form("investigation/consult-senco", "Advise the Headteacher before a suspension", List.of(
                FormField.longText("advice", "Your advice")
                        .withHint("The pupil's needs, whether the behaviour relates to them, whether a suspension is likely to help."),
                FormField.longText("adjustments", "Adjustments and support already tried, or still to try").optional()))
                .withIntro((i, task) -> "A suspension is proposed for a pupil with special educational needs. The Headteacher "
                        + "decides after reading your advice, which goes into the pupil's chronology.")
                .completes(s -> {
                    Incident i = s.record();
                    recording.recordSencoAdvice(s.task().studentId(), i.detailConfidentiality(), InvestigationProcess.SOURCE_TYPE,
                            i.getId(), i.getReference(), s.get("advice"), s.get("adjustments"), s.viewer());
                    return Map.of();
                });
    }
}
