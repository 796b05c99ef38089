package org.pastoralflow.oncall;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskUnavailableException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Calls for help: raising one in as few clicks as possible, claiming it, logging how it ended. */
@Service
public class OncallService {

    public static final Map<String, String> OUTCOMES = new java.util.LinkedHashMap<>();

    static {
        OUTCOMES.put("returned-to-class", "Returned to class");
        OUTCOMES.put("learning-support-centre", "Moved to the Learning Support Centre");
        OUTCOMES.put("sent-home", "Sent home");
        OUTCOMES.put("first-aid", "First aid");
    }

    private final OncallCallRepository calls;
    private final StudentRepository students;
    private final Processes processes;
    private final TaskInbox inbox;
    private final References references;
    private final CaseStore caseStore;
    private final Notifier notifier;
    private final Clock clock;

    public OncallService(OncallCallRepository calls, StudentRepository students, Processes processes, TaskInbox inbox,
                         References references, CaseStore caseStore, Notifier notifier, Clock clock) {
        this.calls = calls;
        this.students = students;
        this.processes = processes;
        this.inbox = inbox;
        this.references = references;
        this.caseStore = caseStore;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Any member of staff. The student is linked when the name given matches exactly one. */
    @Transactional
    public OncallCall raise(FormData data, Viewer viewer) {
        String room = data.text("room", "Room", 60, true);
        String reason = data.text("reason", "What is happening", 500, true);
        String studentName = data.text("student", "Student", 120, false);
        data.throwIfInvalid();
        Long studentId = null;
        if (studentName != null) {
            List<Student> matches = students.search(studentName, PageRequest.of(0, 2));
            studentId = matches.size() == 1 ? matches.get(0).getId() : null;
        }
        OncallCall call = calls.save(new OncallCall(references.next("C", "oncall_number_seq"), viewer.userId(), room,
                studentId, studentName, reason, clock.instant()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(OncallProcess.CALL_ID, call.getId());
        vars.put(OncallProcess.REFERENCE, call.getReference());
        if (studentId != null) {
            vars.put(OncallProcess.STUDENT_ID, studentId);
        }
        call.started(processes.start(OncallProcess.KEY, call.getReference(), vars));
        return call;
    }

    /** The first PSO to claim goes; the others are told who has it. */
    @Transactional
    public OncallCall claim(String reference, Viewer viewer) {
        OncallCall call = calls.findByReference(reference).filter(c -> c.getClosedAt() == null)
                .orElseThrow(() -> new TaskUnavailableException(TaskUnavailableException.Reason.NOT_FOUND, "This call has been dealt with."));
        String taskId = inbox.openTaskId(call.getProcessInstanceId(), OncallProcess.TASK_RESPOND)
                .orElseThrow(() -> new TaskUnavailableException(TaskUnavailableException.Reason.NOT_FOUND, "This call has been dealt with."));
        inbox.claim(taskId, viewer);
        call.claimed(viewer.userId(), clock.instant());
        return call;
    }

    public Optional<String> taskOf(OncallCall call) {
        return inbox.openTaskId(call.getProcessInstanceId(), OncallProcess.TASK_RESPOND);
    }

    /** Service task "Escalate to SLT": only while nobody has claimed the call. */
    @Transactional
    public boolean escalateUnclaimed(Long callId, String processInstanceId) {
        OncallCall call = calls.findById(callId).orElseThrow();
        if (!inbox.isUnclaimed(processInstanceId, OncallProcess.TASK_RESPOND)) {
            return false;
        }
        inbox.offerToGroup(processInstanceId, OncallProcess.TASK_RESPOND, "slt");
        call.escalated();
        notifier.toGroups(List.of("slt"), "On-call " + call.getReference() + " unanswered: " + call.getRoom(),
                "A call for help from " + call.getRoom() + " has not been picked up.", "/oncall", null);
        return true;
    }

    @Transactional
    public void close(OncallCall call, String outcome, String notes, Viewer viewer) {
        call.closed(outcome, notes, clock.instant());
        if (call.getStudentId() != null) {
            caseStore.record(NewEntry.now(call.getStudentId(), EntryKind.NOTE, Confidentiality.PASTORAL, viewer.userId(),
                    "On-call from " + call.getRoom() + ": " + OUTCOMES.get(outcome) + " (" + call.getReference() + ")",
                    "Reason: " + call.getReason() + (notes == null ? "" : "\n" + notes), OncallProcess.SOURCE_TYPE, call.getId()));
        }
    }

    public List<OncallCall> open() {
        return calls.findByClosedAtIsNullOrderByRaisedAtAsc();
    }

    public OncallCall byReference(String reference) {
        return calls.findByReference(reference).orElseThrow();
    }
}
