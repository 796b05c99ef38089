package org.pastoralflow.transition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DSL's two forms of leaver.bpmn: the transfer of the child protection file, and its receipt. */
@Configuration
class LeaverForms {

    private final LeaverService leavers;
    private final FormSet<Leaver> forms;

    LeaverForms(LeaverService leavers) {
        this.leavers = leavers;
        this.forms = FormSet.<Leaver>of("transition/leaver-task", task -> leavers.byReference(task.businessKey()),
                        (l, task, viewer) -> {
                            Map<String, Object> model = new HashMap<>();
                            model.put("leaver", l);
                            model.put("student", leavers.student(l).orElse(null));
                            return model;
                        })
                .withDefaults((l, fields) -> {
                    Map<String, String> defaults = new HashMap<>(FormSet.<Leaver>todayIn(leavers::today).of(l, fields));
                    // where the file goes, as the leaver was recorded
                    if (l.getDestinationName() != null) {
                        defaults.put("sentTo", l.getDestinationName());
                    }
                    if (l.getDestinationUrn() != null) {
                        defaults.put("destinationUrn", l.getDestinationUrn());
                    }
                    return defaults;
                })
                .withRule(s -> s.refuseDatesAfter(leavers.today()));
    }

    @Bean
    TaskForm transferForm() {
        return forms.form("leaver/transfer", "Transfer the child protection file", List.of(
                FormField.choice("outcome", "The child protection file", FormField.options(
                        "sent", "Sent to the receiving school or college",
                        "none", "No receiving school or college: the local authority is told")),
                FormField.text("sentTo", "Receiving school or college").optional(),
                FormField.text("destinationUrn", "Its URN").optional(),
                FormField.date("sentOn", "Sent on").optional(),
                FormField.select("how", "How it was sent", LeaverService.TRANSFER_METHODS).optional(),
                FormField.checks("separately", "KCSIE", FormField.options("yes", "Sent separately from the pupil file, to the receiving DSL"))
                        .optional(),
                FormField.longText("notes", "Who at the local authority was told, and where the file is kept").optional()))
                .withRule(s -> {
                    boolean sent = s.is("outcome", "sent");
                    s.requireWhen(sent, "sentTo", "Name the receiving school or college.");
                    s.requireWhen(sent, "sentOn", "Sent on is required.");
                    s.requireWhen(sent, "how", "Say how it was sent.");
                    s.requireWhen(sent, "separately", "KCSIE: the file goes separately from the pupil file, to the receiving DSL.");
                    s.requireWhen(s.get("outcome") != null && !sent, "notes", "Say who at the local authority was told.");
                    if (sent && s.get("sentOn") != null && s.day("sentOn").isBefore(s.record().getLeavingOn())) {
                        s.reject("sentOn", "The file goes once the student has left (" + Transitions.day(s.record().getLeavingOn())
                                + "); before then, talk to the receiving DSL about what they need to know.");
                    }
                    if (s.get("destinationUrn") != null && !s.get("destinationUrn").matches("\\d{6}")) {
                        s.reject("destinationUrn", "A URN is 6 digits, like 110042.");
                    }
                })
                .completes(s -> {
                    boolean sent = s.is("outcome", "sent");
                    if (sent) {
                        leavers.recordSent(s.record(), s.get("sentTo"), s.get("destinationUrn"), s.day("sentOn"), s.get("how"), s.viewer());
                    } else {
                        leavers.recordNoDestination(s.record(), s.get("notes"), s.viewer());
                    }
                    return Map.of(LeaverProcess.CP_FILE_SENT, sent);
                });
    }

    @Bean
    TaskForm receiptForm() {
        return forms.form("leaver/receipt", "Record the receiving school's confirmation of receipt", List.of(
                FormField.date("confirmedOn", "Confirmed on"),
                FormField.text("confirmedBy", "Confirmed by (the receiving DSL)")))
                .withRule(s -> {
                    Leaver l = s.record();
                    if (s.day("confirmedOn") != null && l.getSentOn() != null && s.day("confirmedOn").isBefore(l.getSentOn())) {
                        s.reject("confirmedOn", "Receipt cannot be confirmed before the file was sent (" + l.getSentOn() + ").");
                    }
                })
                .completes(s -> {
                    leavers.recordReceipt(s.record(), s.day("confirmedOn"), s.get("confirmedBy"), s.viewer());
                    return Map.of();
                });
    }
}
