package org.pastoralflow.transition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DSL's two forms of leaver.bpmn: the transfer of the child protection file, and its receipt. */
@Configuration
class LeaverForms {

    abstract static class LeaverForm implements TaskForm {
        private final String key;
        private final String title;
        private final List<FormField> fields;
        protected final LeaverService leavers;

        LeaverForm(String key, String title, List<FormField> fields, LeaverService leavers) {
            this.key = key;
            this.title = title;
            this.fields = fields;
            this.leavers = leavers;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String view() {
            return "transition/leaver-task";
        }

        @Override
        public Map<String, Object> model(TaskView task, Viewer viewer) {
            Leaver l = leavers.byReference(task.businessKey());
            Map<String, Object> model = new HashMap<>();
            model.put("leaver", l);
            model.put("student", leavers.student(l).orElse(null));
            model.put("formTitle", title);
            model.put("fields", fields);
            Map<String, String> defaults = new HashMap<>();
            fields.stream().filter(f -> f.type().equals("date")).forEach(f -> defaults.put(f.name(), leavers.today().toString()));
            if (l.getDestinationName() != null) {
                defaults.put("sentTo", l.getDestinationName());
            }
            if (l.getDestinationUrn() != null) {
                defaults.put("destinationUrn", l.getDestinationUrn());
            }
            model.put("defaults", defaults);
            return model;
        }

        @Override
        public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
            Leaver l = leavers.byReference(task.businessKey());
            Map<String, String> v = FormField.readAll(data, fields);
            for (FormField f : fields) {
                if (f.type().equals("date") && v.get(f.name()) != null
                        && LocalDate.parse(v.get(f.name())).isAfter(leavers.today())) {
                    data.reject(f.name(), f.label() + " cannot be in the future.");
                }
            }
            return write(l, v, data, viewer);
        }

        abstract Map<String, Object> write(Leaver l, Map<String, String> v, FormData data, Viewer viewer);
    }

    @Bean
    TaskForm transferForm(LeaverService leavers) {
        return new LeaverForm("leaver/transfer", "Transfer the child protection file", List.of(
                FormField.choice("outcome", "The child protection file", FormField.options(
                        "sent", "Sent to the receiving school or college",
                        "none", "No receiving school or college: the local authority is told")),
                FormField.text("sentTo", "Receiving school or college").optional(),
                FormField.text("destinationUrn", "Its URN").optional(),
                FormField.date("sentOn", "Sent on").optional(),
                FormField.select("how", "How it was sent", LeaverService.TRANSFER_METHODS).optional(),
                FormField.checks("separately", "KCSIE", FormField.options("yes", "Sent separately from the pupil file, to the receiving DSL"))
                        .optional(),
                FormField.longText("notes", "Who at the local authority was told, and where the file is kept").optional()), leavers) {
            @Override
            Map<String, Object> write(Leaver l, Map<String, String> v, FormData data, Viewer viewer) {
                boolean sent = "sent".equals(v.get("outcome"));
                required(sent, v, data, "sentTo", "Name the receiving school or college.");
                required(sent, v, data, "sentOn", "Sent on is required.");
                required(sent, v, data, "how", "Say how it was sent.");
                required(sent, v, data, "separately", "KCSIE: the file goes separately from the pupil file, to the receiving DSL.");
                required(v.get("outcome") != null && !sent, v, data, "notes", "Say who at the local authority was told.");
                if (sent && v.get("sentOn") != null && LocalDate.parse(v.get("sentOn")).isBefore(l.getLeavingOn())) {
                    data.reject("sentOn", "The file goes once the student has left (" + Transitions.day(l.getLeavingOn())
                            + "); before then, talk to the receiving DSL about what they need to know.");
                }
                if (v.get("destinationUrn") != null && !v.get("destinationUrn").matches("\\d{6}")) {
                    data.reject("destinationUrn", "A URN is 6 digits, like 110042.");
                }
                data.throwIfInvalid();
                if (sent) {
                    leavers.recordSent(l, v.get("sentTo"), v.get("destinationUrn"), LocalDate.parse(v.get("sentOn")), v.get("how"), viewer);
                } else {
                    leavers.recordNoDestination(l, v.get("notes"), viewer);
                }
                return Map.of(LeaverProcess.CP_FILE_SENT, sent);
            }
        };
    }

    @Bean
    TaskForm receiptForm(LeaverService leavers) {
        return new LeaverForm("leaver/receipt", "Record the receiving school's confirmation of receipt", List.of(
                FormField.date("confirmedOn", "Confirmed on"),
                FormField.text("confirmedBy", "Confirmed by (the receiving DSL)")), leavers) {
            @Override
            Map<String, Object> write(Leaver l, Map<String, String> v, FormData data, Viewer viewer) {
                LocalDate on = v.get("confirmedOn") == null ? null : LocalDate.parse(v.get("confirmedOn"));
                if (on != null && l.getSentOn() != null && on.isBefore(l.getSentOn())) {
                    data.reject("confirmedOn", "Receipt cannot be confirmed before the file was sent (" + l.getSentOn() + ").");
                }
                data.throwIfInvalid();
                leavers.recordReceipt(l, on, v.get("confirmedBy"), viewer);
                return Map.of();
            }
        };
    }

    static void required(boolean condition, Map<String, String> v, FormData data, String field, String message) {
        if (condition && v.get(field) == null && !data.errors().containsKey(field)) {
            data.reject(field, message);
        }
    }
}
