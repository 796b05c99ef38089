package org.pastoralflow.investigation;

import java.io.IOException;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Completes an investigation task whose form may carry a file, in one transaction: the file is
 * checked and stored, the form validated, the case store written and the task completed, or, if
 * anything is wrong, none of it.
 */
@Service
class EvidenceSubmission {

    private final Investigations investigations;
    private final InvestigationRecording recording;
    private final AttachmentCheck attachmentCheck;
    private final TaskInbox inbox;
    private final TaskForms forms;

    EvidenceSubmission(Investigations investigations, InvestigationRecording recording, AttachmentCheck attachmentCheck,
                       TaskInbox inbox, TaskForms forms) {
        this.investigations = investigations;
        this.recording = recording;
        this.attachmentCheck = attachmentCheck;
        this.inbox = inbox;
        this.forms = forms;
    }

    @Transactional
    public TaskView complete(String taskId, FormData data, MultipartFile file, Viewer viewer) throws IOException {
        TaskView task = inbox.get(taskId, viewer);
        if (file != null && !file.isEmpty()) {
            IncidentCheck item = itemOf(task);
            if (item == null) {
                data.reject(ChecklistForms.ATTACHMENT, "This step does not take a file.");
            } else {
                AttachmentCheck.Result checked = attachmentCheck.check(file.getContentType(), file.getBytes(),
                        investigations.attachmentMaxBytes());
                if (!checked.ok()) {
                    data.reject(ChecklistForms.ATTACHMENT, checked.problem() + " (A file has to be chosen again after an error.)");
                } else {
                    Incident i = investigations.byReference(task.businessKey());
                    IncidentAttachment a = recording.attach(i, item, safeName(file.getOriginalFilename(), checked.contentType()),
                            checked.contentType(), file.getBytes(), checked.sha256(), viewer);
                    data.values().put(ChecklistForms.ATTACHMENT_ID, a.getId().toString());
                }
            }
        }
        return forms.complete(taskId, data, viewer);
    }

    /** The checklist item a file would belong to: only the evidence tasks take one. */
    private IncidentCheck itemOf(TaskView task) {
        Incident i = investigations.byReference(task.businessKey());
        return switch (task.taskKey()) {
            case InvestigationProcess.TASK_STUDENT_STATEMENT -> investigations.check(i, CheckKind.STUDENT_STATEMENT, task.studentId());
            case InvestigationProcess.TASK_STAFF_STATEMENTS -> investigations.check(i, CheckKind.STAFF_STATEMENTS, null);
            case InvestigationProcess.TASK_CCTV -> investigations.check(i, CheckKind.CCTV, null);
            default -> null;
        };
    }

    static String safeName(String original, String contentType) {
        String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._ -]", "_").trim();
        if (name.isEmpty()) {
            name = "statement";
        }
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        return name;
    }
}
