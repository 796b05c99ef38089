package org.pastoralflow.subjectaccess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.pastoralflow.forms.Coded;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DSL's three forms of subject-access.bpmn: review what is held, produce the export, send and record. */
@Configuration
class SubjectAccessForms {

    static final String WITHHOLD = "withhold.";
    static final String NOTE = "note.";

    /** What every step's page shows: the request and whom it is about. */
    abstract static class RequestForm implements TaskForm {
        private final String key;
        private final String view;
        protected final SubjectAccessService requests;

        RequestForm(String key, String view, SubjectAccessService requests) {
            this.key = key;
            this.view = view;
            this.requests = requests;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String view() {
            return view;
        }

        @Override
        public Map<String, Object> model(TaskView task, Viewer viewer) {
            SubjectAccessRequest r = requests.byReference(task.businessKey());
            Map<String, Object> model = new HashMap<>();
            model.put("request", r);
            model.put("student", requests.student(r));
            model.put("today", requests.today());
            more(r, model, viewer);
            return model;
        }

        void more(SubjectAccessRequest r, Map<String, Object> model, Viewer viewer) {
        }

        @Override
        public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
            return complete(requests.byReference(task.businessKey()), data, viewer);
        }

        abstract Map<String, Object> complete(SubjectAccessRequest r, FormData data, Viewer viewer);
    }

    /**
     * Everything held, feature by feature: each record disclosed, or withheld with a reason from the
     * list and, for "another exemption", an explanation. Opening it is a view of every safeguarding
     * record on it, audited.
     */
    @Bean
    TaskForm reviewHeldForm(SubjectAccessService requests, HeldRecords held) {
        return new RequestForm("subject-access/review", "subjectaccess/review", requests) {
            @Override
            void more(SubjectAccessRequest r, Map<String, Object> model, Viewer viewer) {
                Held all = held.about(r.getStudentId());
                requests.reviewShown(r, all, viewer);
                model.put("held", all);
                model.put("reasons", Coded.options(WithholdReason.class));
            }

            @Override
            Map<String, Object> complete(SubjectAccessRequest r, FormData data, Viewer viewer) {
                Held all = held.about(r.getStudentId());
                Set<String> keys = all.tables().flatMap(t -> t.rows().stream()).map(Held.Row::key).collect(Collectors.toSet());
                for (String field : data.values().keySet()) {
                    if (field.startsWith(WITHHOLD) && data.optional(field) != null && !keys.contains(field.substring(WITHHOLD.length()))) {
                        // a made-up or stale record has no row to show the error beside: it goes above the list
                        data.reject("withhold", "Record " + field.substring(WITHHOLD.length()) + " is not among what is held about "
                                + requests.student(r).displayName() + ": reload the page.");
                    }
                }
                List<SubjectAccessService.Withholding> decisions = new ArrayList<>();
                all.tables().forEach(t -> t.rows().forEach(row -> {
                    String code = data.optional(WITHHOLD + row.key());
                    if (code == null) {
                        return;
                    }
                    String what = t.title() + ", record " + row.item().recordId();
                    if (!Coded.options(WithholdReason.class).containsKey(code)) {
                        data.reject(WITHHOLD + row.key(), what + ": choose a reason from the list.");
                        return;
                    }
                    WithholdReason reason = Coded.of(WithholdReason.class, code);
                    String note = SubjectAccessService.text(data, NOTE + row.key(), what + ": the explanation", 1000, false);
                    if (reason == WithholdReason.OTHER && note == null && !data.errors().containsKey(NOTE + row.key())) {
                        data.reject(NOTE + row.key(), what + ": say which exemption applies.");
                    }
                    decisions.add(new SubjectAccessService.Withholding(t.file(), row.item().recordType(), row.item().recordId(), reason, note));
                }));
                data.throwIfInvalid();
                requests.recordReview(r, decisions, viewer);
                return Map.of();
            }
        };
    }

    /** The ZIP, downloaded from the page and read before it is marked ready to send. */
    @Bean
    TaskForm produceExportForm(SubjectAccessService requests, SubjectAccessExport export) {
        return new RequestForm("subject-access/produce", "subjectaccess/produce", requests) {
            @Override
            void more(SubjectAccessRequest r, Map<String, Object> model, Viewer viewer) {
                model.put("contents", export.contents(r));
            }

            @Override
            Map<String, Object> complete(SubjectAccessRequest r, FormData data, Viewer viewer) {
                if (!r.isExportedSinceReview()) {
                    data.reject("checked", "Download the export and read it first.");
                } else if (!data.flag("checked")) {
                    data.reject("checked", "Tick to say you have read the export and it is ready to send.");
                }
                data.throwIfInvalid();
                requests.recordProduced(r, viewer);
                return Map.of();
            }
        };
    }

    /** How and when the export went to the requester. */
    @Bean
    TaskForm sendAndRecordForm(SubjectAccessService requests) {
        return new RequestForm("subject-access/send", "subjectaccess/send", requests) {
            @Override
            void more(SubjectAccessRequest r, Map<String, Object> model, Viewer viewer) {
                model.put("methods", SubjectAccessRequest.REPLY_METHODS);
                model.put("defaults", Map.of("sentOn", requests.today().toString(), "sentHow", r.getReplyMethod(), "sentTo", r.getReplyTo()));
            }

            @Override
            Map<String, Object> complete(SubjectAccessRequest r, FormData data, Viewer viewer) {
                LocalDate on = data.date("sentOn", "Sent on", true);
                if (on != null && (on.isBefore(r.getReceivedOn()) || on.isAfter(requests.today()))) {
                    data.reject("sentOn", "Sent on must be between the day the request arrived and today.");
                }
                String how = data.oneOf("sentHow", "How it was sent", SubjectAccessRequest.REPLY_METHODS.keySet());
                String to = SubjectAccessService.text(data, "sentTo", "Sent to", 500, true);
                String notes = SubjectAccessService.text(data, "sentNotes", "Notes", 2000, false);
                data.throwIfInvalid();
                requests.recordSent(r, on, how, to, notes, viewer);
                return Map.of();
            }
        };
    }
}
