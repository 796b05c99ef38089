package org.pastoralflow.investigation;

import java.util.List;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evidence checklist's forms, by form key. The other forms of investigation.bpmn are classes of their own. */
@Configuration
class InvestigationForms {

    @Bean
    TaskForm statementForm(Investigations investigations, InvestigationRecording recording) {
        return new EvidenceForm("investigation/statement", "Statement from the student", CheckKind.STUDENT_STATEMENT,
                "Statement taken", List.of(
                        FormField.date("takenOn", "Date the statement was taken"),
                        FormField.text("takenBy", "Taken by (and anyone else present)"),
                        FormField.longText("statement", "The statement, in the student's own words")
                                .withHint("Type it here, or attach a scan or photo of the written statement below.")),
                true, "statement",
                (v, file) -> EvidenceForm.joined("Taken on ", v.get("takenOn"), "Taken by ", v.get("takenBy"),
                        "", v.get("statement"), "Attached: ", file), investigations, recording);
    }

    @Bean
    TaskForm staffStatementsForm(Investigations investigations, InvestigationRecording recording) {
        return new EvidenceForm("investigation/staff-statements", "Statements from staff", CheckKind.STAFF_STATEMENTS,
                "Statements taken", List.of(
                        FormField.text("staff", "From whom"),
                        FormField.longText("statement", "What they saw and did")
                                .withHint("Type it here, or attach a scan of the written statements below.")),
                true, "statement",
                (v, file) -> EvidenceForm.joined("From: ", v.get("staff"), "", v.get("statement"), "Attached: ", file),
                investigations, recording);
    }

    @Bean
    TaskForm cctvForm(Investigations investigations, InvestigationRecording recording) {
        return new EvidenceForm("investigation/cctv", "Check the CCTV", CheckKind.CCTV, "CCTV checked", List.of(
                        FormField.longText("found", "What the footage shows"),
                        FormField.choice("saved", "Footage saved for the investigation?",
                                FormField.options("yes", "Yes, a copy is kept", "no", "No, nothing relevant"))),
                true, null,
                (v, file) -> EvidenceForm.joined("", v.get("found"), "Footage saved: ", v.get("saved"), "Still attached: ", file),
                investigations, recording);
    }

    @Bean
    TaskForm lscForm(Investigations investigations, InvestigationRecording recording) {
        return new EvidenceForm("investigation/lsc", "Consult the Learning Support Centre", CheckKind.LSC_CONSULTATION,
                "Consulted", List.of(
                        FormField.text("who", "Who you spoke to"),
                        FormField.longText("advice", "What they know of the students and what they advise")),
                false, null,
                (v, file) -> EvidenceForm.joined("Spoke to: ", v.get("who"), "", v.get("advice")), investigations, recording);
    }
}
