package org.pastoralflow.subjectaccess;

import org.pastoralflow.security.Confidentiality;

import org.pastoralflow.security.Classification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.TextInput;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.Upn;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subject access requests (subject-access.bpmn): logging one (an administrator or a DSL), the
 * extension of a complex one, the steps its deadline watch runs, and what the DSL records at
 * each step. What the export holds is {@link HeldRecords} and {@link SubjectAccessExport}.
 */
@Service
public class SubjectAccessService {

    public static final String AUDIT_TYPE = "subject-access-request";
    /** The record type of the audit trail's rows among what is held (casefile.AuditSubjectAccess). */
    static final String AUDIT_TRAIL = "audit-event";
    /** The deadline watch e-mails at the start of the school's day, not at midnight. */
    static final LocalTime WATCH_TIME = LocalTime.of(7, 0);

    private final SubjectAccessRequestRepository requests;
    private final WithheldItemRepository withheld;
    private final StudentRepository students;
    private final References references;
    private final Processes processes;
    private final TaskInbox inbox;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Formats fmt;
    private final ZoneId zone;
    private final Clock clock;

    SubjectAccessService(SubjectAccessRequestRepository requests, WithheldItemRepository withheld, StudentRepository students,
                         References references, Processes processes, TaskInbox inbox, Notifier notifier, AuditLog audit,
                         Formats fmt, @Value("${pastoral.zone:Europe/London}") ZoneId zone, Clock clock) {
        this.requests = requests;
        this.withheld = withheld;
        this.students = students;
        this.references = references;
        this.processes = processes;
        this.inbox = inbox;
        this.notifier = notifier;
        this.audit = audit;
        this.fmt = fmt;
        this.zone = zone;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- logging and extending

    /** Checks the request, saves it with a reference and starts its workflow, in one transaction. */
    @Transactional
    public SubjectAccessRequest log(FormData data, Viewer viewer) {
        Student student = student(data);
        String name = text(data, "requesterName", "The requester's name", 200, true);
        String relationship = data.oneOf("relationship", "Who they are to the student", SubjectAccessRequest.RELATIONSHIPS.keySet());
        String actingFor = text(data, "actingFor", "How their authority to act was shown", 500, false);
        if (SubjectAccessRequest.REPRESENTATIVE.equals(relationship) && actingFor == null) {
            data.reject("actingFor", "Say how their authority to act for the student was shown (written consent, say).");
        }
        String check = data.oneOf("identityCheck", "How their identity was checked", SubjectAccessRequest.IDENTITY_CHECKS.keySet());
        String identityNotes = text(data, "identityNotes", "Notes on the identity check", 1000, false);
        if (SubjectAccessRequest.OTHER_CHECK.equals(check) && identityNotes == null) {
            data.reject("identityNotes", "Say how their identity was checked.");
        }
        LocalDate received = data.date("receivedOn", "Date received", true);
        LocalDate today = today();
        if (received != null && received.isAfter(today)) {
            data.reject("receivedOn", "The date received cannot be in the future.");
        } else if (received != null && received.isBefore(today.minusYears(1))) {
            data.reject("receivedOn", "The date received must be within the last year.");
        }
        String method = data.oneOf("replyMethod", "How the reply is sent", SubjectAccessRequest.REPLY_METHODS.keySet());
        String replyTo = text(data, "replyTo", "Where the reply goes", 500, true);
        data.throwIfInvalid();
        SubjectAccessRequest r = requests.save(new SubjectAccessRequest(references.next("S", "subject_access_number_seq"),
                student.getId(), new SubjectAccessRequest.Requester(name, relationship, actingFor, check, identityNotes),
                received, method, replyTo, viewer.userId(), clock.instant()));
        Map<String, Object> vars = new HashMap<>(timing(r));
        vars.put(SubjectAccessProcess.REQUEST_ID, r.getId());
        vars.put(SubjectAccessProcess.STUDENT_ID, student.getId());
        vars.put(SubjectAccessProcess.REFERENCE, r.getReference());
        r.started(processes.start(SubjectAccessProcess.KEY, r.getReference(), vars));
        return r;
    }

    private Student student(FormData data) {
        String upn = data.required("upn", "The student's UPN");
        if (upn == null) {
            return null;
        }
        String problem = Upn.problem(upn.toUpperCase());
        if (problem != null) {
            data.reject("upn", problem);
            return null;
        }
        Student s = students.findByUpn(upn.toUpperCase()).orElse(null);
        if (s == null) {
            data.reject("upn", "No student with UPN " + upn.toUpperCase() + ".");
        }
        return s;
    }

    /**
     * Two further months for a complex request (UK GDPR Art. 12(3)): decided, and the requester
     * told why, within the first month. The deadline watch starts again on the new date.
     */
    @Transactional
    public SubjectAccessRequest extend(String reference, FormData data, Viewer viewer) {
        SubjectAccessRequest r = byReference(reference);
        LocalDate firstMonthEnds = r.getDueOn();
        if (r.isExtended()) {
            data.reject("extensionReason", "This request is already extended, to " + fmt.day(r.getDueOn()) + ".");
        } else if (r.isSent()) {
            data.reject("extensionReason", "This request has been answered.");
        } else if (today().isAfter(firstMonthEnds)) {
            data.reject("extensionReason", "An extension is decided, and the requester told, within the first month "
                    + "(UK GDPR Art. 12(3)); it ended on " + fmt.day(firstMonthEnds) + ".");
        }
        String reason = text(data, "extensionReason", "Why the request is complex", 2000, true);
        LocalDate toldOn = data.date("toldOn", "The day the requester was told", true);
        if (toldOn != null && (toldOn.isBefore(r.getReceivedOn()) || toldOn.isAfter(today()))) {
            data.reject("toldOn", "The day the requester was told must be between the day the request arrived and today.");
        }
        String toldHow = data.oneOf("toldHow", "How they were told", SubjectAccessRequest.TOLD_HOW.keySet());
        data.throwIfInvalid();
        r.extended(reason, toldOn, toldHow, viewer.userId(), clock.instant());
        processes.correlate(SubjectAccessProcess.EXTENDED_MESSAGE, r.getProcessInstanceId(), timing(r), Map.of());
        inbox.reschedule(List.of(r.getProcessInstanceId()), List.of(SubjectAccessProcess.TASK_REVIEW, SubjectAccessProcess.TASK_PRODUCE,
                SubjectAccessProcess.TASK_SEND), (Date) timing(r).get(SubjectAccessProcess.DEADLINE));
        return r;
    }

    private Map<String, Object> timing(SubjectAccessRequest r) {
        return timing(r.deadline(), zone);
    }

    /** The deadline and the two warnings, as the model's timers and the tasks' due date read them. */
    static Map<String, Object> timing(ResponseDeadline d, ZoneId zone) {
        return Map.of(SubjectAccessProcess.DEADLINE, at(d.due(), LocalTime.of(23, 59), zone),
                SubjectAccessProcess.WARN_AT, at(d.warnOn(), WATCH_TIME, zone),
                SubjectAccessProcess.ESCALATE_AT, at(d.escalateOn(), WATCH_TIME, zone));
    }

    private static Date at(LocalDate day, LocalTime time, ZoneId zone) {
        return Date.from(day.atTime(time).atZone(zone).toInstant());
    }

    // ---------------------------------------------------------------- the deadline watch

    /** 20 days in: the DSL group is reminded. The e-mail names no child and links to the request's page, which only they open. */
    @Transactional
    public void warnDsl(Long requestId) {
        SubjectAccessRequest r = request(requestId);
        r.warned(clock.instant());
        notifier.toGroups(List.of(Group.DSL.id()), "Subject access request " + r.getReference() + ": answer by " + fmt.day(r.getDueOn()),
                "A subject access request received on " + fmt.day(r.getReceivedOn()) + " must be answered by " + fmt.day(r.getDueOn())
                        + " (UK GDPR Art. 12(3)). Where it stands: " + r.status() + ".",
                "/subject-access/" + r.getReference(),
                Classification.of(AUDIT_TYPE, r.getId(), Confidentiality.SAFEGUARDING, r.getStudentId()));
    }

    /**
     * 25 days in: the Headteacher is told a request is close to its deadline. Only its reference and
     * dates: the list of requests, which they may open, says where it stands.
     */
    @Transactional
    public void escalateToHead(Long requestId) {
        SubjectAccessRequest r = request(requestId);
        r.escalated(clock.instant());
        notifier.toGroups(List.of(Group.SLT.id()), "A subject access request is close to its deadline: " + r.getReference(),
                "Subject access request " + r.getReference() + " must be answered by " + fmt.day(r.getDueOn())
                        + (r.isExtended() ? ", after an extension for a complex request" : ", one calendar month after it arrived")
                        + " (UK GDPR Art. 12(3)). It has not been sent yet; the DSLs were reminded five days ago.",
                "/subject-access", null);
    }

    // ---------------------------------------------------------------- what the DSL records

    /** One withheld record, as the review form read it. */
    record Withholding(String part, String recordType, Long recordId, WithholdReason reason, String note) {
    }

    @Transactional
    public void recordReview(SubjectAccessRequest given, List<Withholding> decisions, Viewer dsl) {
        SubjectAccessRequest r = request(given.getId());
        withheld.deleteByRequestId(r.getId());
        withheld.flush();
        withheld.saveAll(decisions.stream().map(w -> new WithheldItem(r.getId(), w.part(), w.recordType(), w.recordId(), w.reason(),
                w.note(), dsl.userId(), clock.instant())).toList());
        r.reviewed(dsl.userId(), clock.instant());
    }

    /** The DSL opened the review: each safeguarding record shown is a view, as the case store counts them. */
    @Transactional
    public void reviewShown(SubjectAccessRequest r, Held held, Viewer dsl) {
        String where = "subject access review " + r.getReference();
        Map<String, List<Long>> byType = new HashMap<>();
        // the audit trail is held about the child too, but a view of it is not audited row by row: each showing
        // would record a view of every view before it, and the trail would double each time the page is opened
        held.tables().flatMap(t -> t.rows().stream()).filter(Held.Row::safeguarding)
                .filter(row -> !AUDIT_TRAIL.equals(row.item().recordType()))
                .forEach(row -> byType.computeIfAbsent(row.item().recordType(), k -> new java.util.ArrayList<>()).add(row.item().recordId()));
        byType.forEach((type, ids) -> audit.viewed(dsl.userId(), type, ids, r.getStudentId(), where));
        audit.record(dsl.userId(), AuditLog.VIEW, AUDIT_TYPE, r.getId(), r.getStudentId(),
                r.getReference() + ": everything held reviewed (" + held.count() + " records)");
    }

    @Transactional
    public void recordExport(SubjectAccessRequest given, String sha256, String held, Viewer dsl) {
        SubjectAccessRequest r = request(given.getId());
        r.exported(sha256, dsl.userId(), clock.instant());
        String detail = r.getReference() + ", SHA-256 " + sha256 + ": " + held;
        audit.record(dsl.userId(), AuditLog.EXPORT, AUDIT_TYPE, r.getId(), r.getStudentId(),
                detail.length() > 500 ? detail.substring(0, 497) + "..." : detail);
    }

    @Transactional
    public void recordProduced(SubjectAccessRequest given, Viewer dsl) {
        request(given.getId()).produced(dsl.userId(), clock.instant());
    }

    @Transactional
    public void recordSent(SubjectAccessRequest given, LocalDate on, String how, String to, String notes, Viewer dsl) {
        request(given.getId()).sent(on, how, to, notes, dsl.userId());
    }

    // ---------------------------------------------------------------- reading

    public long count() {
        return requests.count();
    }

    public SubjectAccessRequest request(Long id) {
        return requests.findById(id).orElseThrow(() -> new IllegalStateException("No subject access request " + id));
    }

    public SubjectAccessRequest byReference(String reference) {
        return requests.findByReference(reference).orElseThrow(() -> new NotFoundException("No such subject access request"));
    }

    public List<SubjectAccessRequest> open() {
        return requests.findBySentOnIsNullOrderByDueOnAsc();
    }

    public List<SubjectAccessRequest> recentlySent() {
        return requests.findBySentOnIsNotNullOrderBySentOnDesc(PageRequest.of(0, 50));
    }

    public Student student(SubjectAccessRequest r) {
        return students.findById(r.getStudentId()).orElseThrow();
    }

    public Map<Long, Student> students(List<SubjectAccessRequest> list) {
        Map<Long, Student> byId = new HashMap<>();
        students.findAllById(list.stream().map(SubjectAccessRequest::getStudentId).toList()).forEach(s -> byId.put(s.getId(), s));
        return byId;
    }

    public List<WithheldItem> withheld(SubjectAccessRequest r) {
        return withheld.findByRequestIdOrderByIdAsc(r.getId());
    }

    public List<TaskView> openTasks(SubjectAccessRequest r) {
        return r.getProcessInstanceId() == null ? List.of() : inbox.openTasksOfProcess(r.getProcessInstanceId());
    }

    /**
     * Text as typed, checked by the one normaliser of input: too long, or with characters nobody
     * types, is refused beside its field.
     */
    static String text(FormData data, String field, String label, int maxLength, boolean required) {
        String v = data.text(field, label, maxLength, required);
        if (v == null) {
            return null;
        }
        String problem = TextInput.problem(v);
        if (problem != null) {
            data.reject(field, label + " " + problem + ".");
            return null;
        }
        return TextInput.normalise(v);
    }
}
