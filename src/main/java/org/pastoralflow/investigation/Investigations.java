package org.pastoralflow.investigation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents as the pages and forms read them: an incident, its students, checklist, files and
 * open tasks as the viewer may see them, the lists, and what a form shows before it is filled in
 * (who may investigate, suspension days so far). Writes nothing but the audit of what was seen.
 */
@Service
@EnableConfigurationProperties(InvestigationSettings.class)
public class Investigations {

    private final IncidentRepository incidents;
    private final IncidentStudentRepository involved;
    private final IncidentCheckRepository checks;
    private final IncidentAttachmentRepository attachments;
    private final UseOfForceRepository forceRecords;
    private final StudentRepository students;
    private final TaskInbox inbox;
    private final StaffDirectory directory;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final InvestigationSettings settings;
    private final Formats fmt;
    private final Clock clock;
    private final org.pastoralflow.suspension.SuspensionDays suspensionDays;

    Investigations(IncidentRepository incidents, IncidentStudentRepository involved, IncidentCheckRepository checks,
                   IncidentAttachmentRepository attachments, UseOfForceRepository forceRecords, StudentRepository students,
                   TaskInbox inbox, StaffDirectory directory, AccessPolicy policy, AuditLog audit,
                   InvestigationSettings settings, Formats fmt, Clock clock,
                   org.pastoralflow.suspension.SuspensionDays suspensionDays) {
        this.suspensionDays = suspensionDays;
        this.incidents = incidents;
        this.involved = involved;
        this.checks = checks;
        this.attachments = attachments;
        this.forceRecords = forceRecords;
        this.students = students;
        this.inbox = inbox;
        this.directory = directory;
        this.policy = policy;
        this.audit = audit;
        this.settings = settings;
        this.fmt = fmt;
        this.clock = clock;
    }

    public Incident incident(Long id) {
        return incidents.findById(id).orElseThrow(() -> new IllegalStateException("No incident " + id));
    }

    public Incident byReference(String reference) {
        return incidents.findByReference(reference).orElseThrow(() -> new NotFoundException("No such incident"));
    }

    /** The students of the incident in the order they were listed. */
    @Transactional(readOnly = true)
    public List<Long> studentsOf(Long incidentId) {
        return involved.findByIncidentIdOrderByPosition(incidentId).stream().map(IncidentStudent::getStudentId).toList();
    }

    public List<IncidentStudent> studentsIn(Incident i) {
        return involved.findByIncidentIdOrderByPosition(i.getId());
    }

    public Map<Long, Student> studentsById(List<Long> ids) {
        return students.findAllById(ids).stream().collect(Collectors.toMap(Student::getId, Function.identity()));
    }

    public List<IncidentCheck> checklist(Incident i) {
        return checks.findByIncidentIdOrderByPosition(i.getId());
    }

    public IncidentCheck check(Incident i, CheckKind kind, Long studentId) {
        return (studentId == null ? checks.findFirstByIncidentIdAndKind(i.getId(), kind)
                : checks.findByIncidentIdAndKindAndStudentId(i.getId(), kind, studentId))
                .orElseThrow(() -> new IllegalStateException("No " + kind + " item on " + i.getReference()));
    }

    public List<IncidentAttachment.Info> attachmentsOf(Incident i) {
        return attachments.infoOf(i.getId());
    }

    public Optional<IncidentAttachment> attachment(Long id) {
        return attachments.findById(id);
    }

    public Optional<UseOfForce> useOfForce(Incident i) {
        return forceRecords.findByIncidentId(i.getId());
    }

    /** What the member of staff logged, for their status page (which shows no content). */
    public List<Incident> loggedBy(Viewer viewer) {
        return incidents.findByLoggedByOrderByLoggedAtDesc(viewer.userId());
    }

    // ---------------------------------------------------------------- who may read it

    /** The incident as the access policy sees it: its confidentiality and every student involved. */
    public Classification classify(Incident i) {
        return new Classification(InvestigationProcess.SOURCE_TYPE, i.getId(), i.detailConfidentiality(), studentsOf(i.getId()));
    }

    /** The incident, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    public Incident readable(String reference, Viewer viewer) {
        return policy.require(viewer, byReference(reference), this::classify);
    }

    public List<Incident> open(Viewer viewer) {
        return readableOf(incidents.findByClosedAtIsNullOrderByLoggedAtDesc(), viewer);
    }

    public List<Incident> recentlyClosed(Viewer viewer) {
        return readableOf(incidents.findByClosedAtIsNotNullOrderByClosedAtDesc(PageRequest.of(0, 50)), viewer);
    }

    public List<Incident> ofStudent(Long studentId, Viewer viewer) {
        return readableOf(involved.findByStudentId(studentId).stream().map(s -> incident(s.getIncidentId())).toList(), viewer);
    }

    /** The incidents the viewer may read, with every incident's students read in one query. */
    private List<Incident> readableOf(List<Incident> list, Viewer viewer) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, List<Long>> studentsByIncident = involved.findByIncidentIdIn(list.stream().map(Incident::getId).toList()).stream()
                .collect(Collectors.groupingBy(IncidentStudent::getIncidentId,
                        Collectors.mapping(IncidentStudent::getStudentId, Collectors.toList())));
        return policy.readable(viewer, list, i -> new Classification(InvestigationProcess.SOURCE_TYPE, i.getId(),
                i.detailConfidentiality(), studentsByIncident.getOrDefault(i.getId(), List.of())));
    }

    /** The open tasks the viewer may know of. */
    public List<TaskView> openTasks(Incident i, Viewer viewer) {
        Classification record = classify(i);
        return inbox.openTasksVisibleTo(i.getProcessInstanceId(), policy.of(viewer), t -> record);
    }

    /** Who saw or printed the safeguarding detail of an investigation, and where. */
    @Transactional
    public void audited(Incident i, Viewer viewer, String action, String where) {
        audit.record(viewer.userId(), action, InvestigationProcess.SOURCE_TYPE, i.getId(), null, where + " " + i.getReference());
    }

    // ---------------------------------------------------------------- what the forms show

    /**
     * Who may investigate: a Head of Year or PSO; for a safeguarding incident the DSL names one of
     * the DSLs, or a Head of Year or PSO, who is then shared the incident by name.
     */
    public Map<String, String> possibleInvestigators(Incident i) {
        List<String> groups = i.isSafeguarding() ? List.of("dsl", "hoy", "pso") : List.of("hoy", "pso");
        Map<String, String> options = new LinkedHashMap<>();
        for (String g : groups) {
            for (String user : directory.membersOf(g)) {
                options.putIfAbsent(user, directory.displayName(user) + " (" + g.toUpperCase() + ")");
            }
        }
        return options;
    }

    /** The checklist items still open that must be closed before an outcome: none, or named in words. */
    public List<String> openBeforeOutcome(Incident i) {
        Map<Long, Student> names = studentsById(studentsOf(i.getId()));
        return checks.findByIncidentIdOrderByPosition(i.getId()).stream()
                .filter(c -> c.getKind().gatesOutcome() && c.isOpen())
                .map(c -> c.getStudentId() == null ? c.getKind().label()
                        : c.getKind().label() + " (" + names.get(c.getStudentId()).displayName() + ")")
                .toList();
    }

    /** School days of suspension for the student this school year, this incident aside (suspension.SuspensionDays counts them). */
    public long suspensionDaysThisYear(Long studentId, Long exceptIncidentId) {
        LocalDate today = LocalDate.now(clock);
        int month = settings.schoolYearStartMonth();
        LocalDate start = LocalDate.of(today.getMonthValue() >= month ? today.getYear() : today.getYear() - 1, month, 1);
        return suspensionDays.between(studentId, start, start.plusYears(1), exceptIncidentId);
    }

    /** The students proposed for suspension who have SEN support or an EHCP. */
    public List<Long> senProposedForSuspension(Long incidentId) {
        List<IncidentStudent> proposed = involved.findByIncidentIdOrderByPosition(incidentId).stream()
                .filter(s -> IncidentStudent.PROPOSED.equals(s.getSanctionStatus()) && s.sanctionValue() == Sanction.SUSPENSION).toList();
        Map<Long, Student> byId = studentsById(proposed.stream().map(IncidentStudent::getStudentId).toList());
        return proposed.stream().map(IncidentStudent::getStudentId)
                .filter(id -> byId.get(id).isEhcp() || List.of("K", "E").contains(byId.get(id).getSenStatus())).toList();
    }

    public int suspensionLimit() {
        return settings.suspensionLimitDays();
    }

    public String displayName(String userId) {
        return userId == null ? "" : directory.displayName(userId);
    }

    public String attachmentLimitLabel() {
        return String.format("%.0f MB", settings.attachmentMaxBytes() / (1024.0 * 1024.0));
    }

    public long attachmentMaxBytes() {
        return settings.attachmentMaxBytes();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    String when(Instant instant) {
        return fmt.when(instant);
    }
}
