package org.pastoralflow.investigation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.mediation.Mediation;
import org.pastoralflow.mediation.MediationService;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.workflow.StudentPicker;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The investigation workflow's application service: what the pages, the forms and the delegates ask for. */
@Service
@EnableConfigurationProperties(InvestigationSettings.class)
public class InvestigationService {

    public static final int MAX_STUDENTS = 12;
    public static final String PART = "part-";

    public static final Map<String, String> OUTCOMES = FormField.options(
            Incident.UPHELD, "Upheld", "not-upheld", "Not upheld", "inconclusive", "Inconclusive");
    public static final Map<String, String> CONTACT_METHODS = FormField.options(
            "phone", "Phone", "in-person", "In person", "video", "Video call", "email", "E-mail", "letter", "Letter");

    private final IncidentRepository incidents;
    private final IncidentStudentRepository involved;
    private final IncidentCheckRepository checks;
    private final IncidentAttachmentRepository attachments;
    private final UseOfForceRepository forceRecords;
    private final StudentRepository students;
    private final StudentPicker picker;
    private final CaseStore caseStore;
    private final ReferralService referrals;
    private final MediationService mediations;
    private final Processes processes;
    private final TaskInbox inbox;
    private final References references;
    private final StaffDirectory directory;
    private final Notifier notifier;
    private final AuditLog audit;
    private final InvestigationSettings settings;
    private final Formats fmt;
    private final ZoneId zone;
    private final AccessPolicy policy;

    public InvestigationService(IncidentRepository incidents, IncidentStudentRepository involved, IncidentCheckRepository checks,
                                IncidentAttachmentRepository attachments, UseOfForceRepository forceRecords,
                                StudentRepository students, StudentPicker picker, CaseStore caseStore,
                                ReferralService referrals, MediationService mediations, Processes processes, TaskInbox inbox,
                                References references, StaffDirectory directory, Notifier notifier, AuditLog audit,
                                InvestigationSettings settings, Formats fmt, @Value("${pastoral.zone:Europe/London}") ZoneId zone,
                                AccessPolicy policy) {
        this.policy = policy;
        this.incidents = incidents;
        this.involved = involved;
        this.checks = checks;
        this.attachments = attachments;
        this.forceRecords = forceRecords;
        this.students = students;
        this.picker = picker;
        this.caseStore = caseStore;
        this.referrals = referrals;
        this.mediations = mediations;
        this.processes = processes;
        this.inbox = inbox;
        this.references = references;
        this.directory = directory;
        this.notifier = notifier;
        this.audit = audit;
        this.settings = settings;
        this.fmt = fmt;
        this.zone = zone;
    }

    // ---------------------------------------------------------------- logging an incident

    /**
     * Any member of staff logs an incident. Everything is checked before anything is written; the
     * incident, its students, its checklist and the process start in one transaction.
     */
    @Transactional
    public Incident log(FormData data, Viewer viewer) {
        LocalDate day = data.date("occurredOn", "Date", true);
        LocalTime time = time(data, "occurredTime", "Time");
        String location = data.text("location", "Where it happened", 200, true);
        String typeCode = data.oneOf("type", "Type of incident", IncidentType.options().keySet());
        String description = data.text("description", "What happened", 20000, true);
        String staff = data.text("staffInvolved", "Staff involved", 1000, false);
        boolean force = data.flag("reasonableForce");
        boolean safeguarding = data.flag("safeguardingIndicator");
        Map<Integer, Student> picked = picker.read(data, MAX_STUDENTS);
        Map<Integer, Part> parts = readParts(data, picked);
        Instant occurredAt = null;
        if (day != null && time != null) {
            occurredAt = LocalDateTime.of(day, time).atZone(zone).toInstant();
            if (occurredAt.isAfter(Instant.now().plus(5, ChronoUnit.MINUTES))) {
                data.reject("occurredOn", "The date and time cannot be in the future.");
            }
        }
        data.throwIfInvalid();

        Instant overwritten = occurredAt.plus(settings.cctvRetentionDays(), ChronoUnit.DAYS);
        Incident incident = incidents.save(new Incident(references.next("I", "incident_number_seq"), occurredAt, location,
                IncidentType.of(typeCode), description, staff, force, safeguarding, viewer.userId(), overwritten));
        int position = 0;
        List<Long> studentIds = new ArrayList<>();
        for (Map.Entry<Integer, Student> row : picked.entrySet()) {
            involved.save(new IncidentStudent(incident.getId(), row.getValue().getId(), position++, parts.get(row.getKey())));
            studentIds.add(row.getValue().getId());
        }
        int item = 0;
        if (force) {
            checks.save(new IncidentCheck(incident.getId(), item++, CheckKind.USE_OF_FORCE, null));
        }
        for (Long id : studentIds) {
            checks.save(new IncidentCheck(incident.getId(), item++, CheckKind.STUDENT_STATEMENT, id));
        }
        checks.save(new IncidentCheck(incident.getId(), item++, CheckKind.STAFF_STATEMENTS, null));
        checks.save(new IncidentCheck(incident.getId(), item++, CheckKind.CCTV, null));
        checks.save(new IncidentCheck(incident.getId(), item++, CheckKind.LSC_CONSULTATION, null));
        for (Long id : studentIds) {
            checks.save(new IncidentCheck(incident.getId(), item++, CheckKind.PARENT_CONTACT, id));
        }

        Map<String, Object> vars = new HashMap<>();
        vars.put(InvestigationProcess.INCIDENT_ID, incident.getId());
        vars.put(InvestigationProcess.REFERENCE, incident.getReference());
        vars.put(InvestigationProcess.FORCE_USED, force);
        vars.put(InvestigationProcess.REFER_TO_DSL, incident.isReferredToDsl());
        vars.put(InvestigationProcess.ASSIGN_GROUPS, incident.isSafeguarding() ? InvestigationProcess.ASSIGN_DSL
                : InvestigationProcess.ASSIGN_PASTORAL);
        vars.put(InvestigationProcess.CCTV_WARN_AT, Date.from(overwritten.minus(settings.cctvWarningDays(), ChronoUnit.DAYS)));
        incident.started(processes.start(InvestigationProcess.KEY, incident.getReference(), vars));
        return incident;
    }

    private Map<Integer, Part> readParts(FormData data, Map<Integer, Student> picked) {
        Map<Integer, Part> parts = new HashMap<>();
        boolean anyRow = false;
        for (int row = 0; row < MAX_STUDENTS; row++) {
            boolean hasUpn = data.optional(StudentPicker.PREFIX + row) != null;
            String part = data.optional(PART + row);
            anyRow |= hasUpn;
            if (hasUpn && (part == null || !Part.options().containsKey(part))) {
                data.reject(PART + row, "Row " + (row + 1) + ": choose the student's part: target, alleged perpetrator or witness.");
            } else if (!hasUpn && part != null) {
                data.reject(StudentPicker.PREFIX + row, "Row " + (row + 1) + ": a part is chosen but no student: add the UPN or clear the row.");
            } else if (hasUpn && picked.containsKey(row)) {
                parts.put(row, Part.of(part));
            }
        }
        if (!anyRow) {
            data.reject("students", "Add at least one student involved: type their UPN, or find them by name below.");
        }
        return parts;
    }

    private static LocalTime time(FormData data, String field, String label) {
        String v = data.required(field, label);
        try {
            return v == null ? null : LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            data.reject(field, label + " must be a time like 10:15.");
            return null;
        }
    }

    // ---------------------------------------------------------------- service tasks

    /** The students of the incident in the order they were listed: one statement task and one parent contact each. */
    @Transactional(readOnly = true)
    public List<Long> studentsOf(Long incidentId) {
        return involved.findByIncidentIdOrderByPosition(incidentId).stream().map(IncidentStudent::getStudentId).toList();
    }

    /**
     * "Add the incident to each student's case file": each student's own part, never another's, at
     * the incident's confidentiality. A safeguarding incident has no pastoral entry at all: whoever
     * may not read it learns nothing of it, not even that the student was involved.
     */
    @Transactional
    public void addToCaseFiles(Long incidentId) {
        Incident i = incident(incidentId);
        String where = i.getLocation() + ", " + when(i.getOccurredAt());
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(incidentId)) {
            String part = "involved as " + s.getPartLabel().toLowerCase();
            caseStore.record(new NewEntry(s.getStudentId(), EntryKind.INCIDENT, i.detailConfidentiality(), i.getOccurredAt(),
                    i.getLoggedBy(), "Incident " + i.getReference() + ": " + i.getTypeLabel() + ", " + where + ", " + part,
                    account(i), InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }

    private static String account(Incident i) {
        return i.getDescription() + (i.getStaffInvolved() == null ? "" : "\n\nStaff involved: " + i.getStaffInvolved())
                + (i.isReasonableForce() ? "\n\nReasonable force was used." : "");
    }

    /**
     * "Refer to the DSL": a referral (workflow 1) for every target and alleged perpetrator (KCSIE
     * Part 5: both need the DSL's consideration), or for every student when only witnesses are named.
     * Each referral points back at the incident and the incident row names the referral.
     */
    @Transactional
    public void referToDsl(Long incidentId) {
        Incident i = incident(incidentId);
        List<IncidentStudent> all = involved.findByIncidentIdOrderByPosition(incidentId);
        List<IncidentStudent> chosen = all.stream().filter(s -> s.part() != Part.WITNESS).toList();
        for (IncidentStudent s : chosen.isEmpty() ? all : chosen) {
            Referral r = referrals.raiseFrom(InvestigationProcess.SOURCE_TYPE, i.getReference(), s.getStudentId(), "safeguarding",
                    "From incident " + i.getReference() + " (" + i.getTypeLabel()
                            + (i.isSafeguardingIndicator() ? "; safeguarding concern ticked" : "") + "), logged by "
                            + i.getLoggedBy() + ". This student's part: " + s.getPartLabel().toLowerCase() + ".\n\n" + account(i),
                    i.getOccurredAt(), i.getLocation(), i.getLoggedBy());
            s.referredToDsl(r.getReference());
        }
    }

    /** "Warn the investigator": the CCTV check is still open and the footage will soon be overwritten. */
    @Transactional
    public void warnCctvExpiry(Long incidentId) {
        Incident i = incident(incidentId);
        IncidentCheck cctv = checks.findFirstByIncidentIdAndKind(incidentId, CheckKind.CCTV).orElseThrow();
        if (!cctv.isOpen()) {
            return;
        }
        cctv.warned();
        String text = "The CCTV for incident " + i.getReference() + " will be overwritten on " + when(i.getCctvOverwrittenAt())
                + ". Check it and save what is needed now, or mark the check not applicable with a reason.";
        if (i.getInvestigator() != null) {
            notifier.toUsers(List.of(i.getInvestigator()), "CCTV for " + i.getReference() + " about to be overwritten", text,
                    "/investigations/" + i.getReference(), classify(i));
        }
    }

    /** "Start restorative mediation" between the targets and the alleged perpetrators. */
    @Transactional
    public void startMediation(Long incidentId) {
        Incident i = incident(incidentId);
        List<Long> parties = mediationParties(i);
        Mediation m = mediations.startFromIncident(i.getReference(), i.detailConfidentiality(), parties, "After incident " + i.getReference() + ": "
                + i.getTypeLabel() + ", " + i.getLocation() + ", " + when(i.getOccurredAt()) + ".", i.getInvestigator());
        i.mediationStarted(m.getReference());
    }

    private List<Long> mediationParties(Incident i) {
        return involved.findByIncidentIdOrderByPosition(i.getId()).stream()
                .filter(s -> s.part() != Part.WITNESS).map(IncidentStudent::getStudentId).toList();
    }

    /**
     * "Refer the target for support" (workflow 1): welfare support through PSO triage, or through the
     * DSL when the incident is a safeguarding one.
     */
    @Transactional
    public void referTargetsForSupport(Long incidentId) {
        Incident i = incident(incidentId);
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(incidentId)) {
            if (s.part() != Part.TARGET) {
                continue;
            }
            Referral r = referrals.raiseFrom(InvestigationProcess.SOURCE_TYPE, i.getReference(), s.getStudentId(),
                    i.isSafeguarding() ? "safeguarding" : "welfare",
                    "Support for the target of incident " + i.getReference() + " (" + i.getTypeLabel() + ", " + i.getLocation()
                            + ", " + when(i.getOccurredAt()) + "). Outcome of the investigation: " + i.getOutcomeLabel().toLowerCase()
                            + ".", i.getOccurredAt(), i.getLocation(), i.getInvestigator());
            s.referredForSupport(r.getReference());
        }
    }

    /** "Close the investigation". */
    @Transactional
    public void close(Long incidentId) {
        Incident i = incident(incidentId);
        i.close();
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(incidentId)) {
            caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.NOTE, i.detailConfidentiality(), "system",
                    "Investigation of incident " + i.getReference() + " closed: every item of the checklist done, parents contacted",
                    null, InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }

    // ---------------------------------------------------------------- what the forms record

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

    @Transactional
    public void assign(Incident i, String investigator, Viewer viewer) {
        i.assign(investigator);
        if (i.isSafeguarding() && !directory.groupsOf(investigator).contains("dsl")) {
            policy.share(viewer, classify(i), investigator, "Named investigator of " + i.getReference());
        }
        audit.record(viewer.userId(), "ASSIGN", InvestigationProcess.SOURCE_TYPE, i.getId(), null,
                "Investigator of " + i.getReference() + ": " + investigator);
    }

    /** Marks an item done (with what was found) or not applicable (with why), and files it for the student it is about. */
    @Transactional
    public void recordCheck(Incident i, IncidentCheck item, boolean done, String detail, String reason, Viewer viewer) {
        if (done) {
            item.done(detail, viewer.userId());
        } else {
            item.notApplicable(reason, viewer.userId());
        }
        if (item.getKind() == CheckKind.STUDENT_STATEMENT) {
            IncidentStudent s = involved.findByIncidentIdAndStudentId(i.getId(), item.getStudentId()).orElseThrow();
            caseStore.record(NewEntry.now(item.getStudentId(), EntryKind.NOTE, i.detailConfidentiality(), viewer.userId(),
                    (done ? "Statement taken" : "No statement taken") + " about incident " + i.getReference() + " (involved as "
                            + s.getPartLabel().toLowerCase() + ")", done ? detail : "Why: " + reason,
                    InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }

    @Transactional
    public IncidentAttachment attach(Incident i, IncidentCheck item, String fileName, String contentType, byte[] content,
                                     String sha256, Viewer viewer) {
        return attachments.save(new IncidentAttachment(i.getId(), item.getId(), fileName, contentType, content, sha256,
                viewer.userId()));
    }

    public Optional<IncidentAttachment> attachment(Long id) {
        return attachments.findById(id);
    }

    public record ForceInput(List<Long> studentIds, String staffNames, Instant occurredAt, String place, String leadUp,
                             String deEscalation, String forceType, String forceDescription, int durationMinutes, String reason,
                             String injuries, String supportAfter, Instant parentsToldAt, String parentsToldBy,
                             String parentsToldHow, String parentsToldWhat) {
    }

    @Transactional
    public void recordUseOfForce(Incident i, ForceInput in, Viewer viewer) {
        UseOfForce record = forceRecords.save(new UseOfForce(i.getId(), in.staffNames(), in.occurredAt(), in.place(), in.leadUp(),
                in.deEscalation(), in.forceType(), in.forceDescription(), in.durationMinutes(), in.reason(), in.injuries(),
                in.supportAfter(), in.parentsToldAt(), in.parentsToldBy(), in.parentsToldHow(), in.parentsToldWhat(), viewer.userId()));
        Map<Long, Student> byId = studentsById(in.studentIds());
        for (Long studentId : in.studentIds()) {
            IncidentStudent s = involved.findByIncidentIdAndStudentId(i.getId(), studentId).orElseThrow();
            s.forceUsed(byId.get(studentId).getSenStatus());
            caseStore.record(new NewEntry(studentId, EntryKind.NOTE, i.detailConfidentiality(), in.occurredAt(), viewer.userId(),
                    "Reasonable force used (" + i.getReference() + "): " + record.getForceTypeLabel().toLowerCase() + ", "
                            + in.durationMinutes() + " min, by " + in.staffNames(),
                    "Why: " + record.getReasonLabel() + "\nWhat led up to it: " + in.leadUp() + "\nDe-escalation tried: "
                            + in.deEscalation() + "\nInjuries: " + in.injuries() + "\nSupport afterwards: " + in.supportAfter(),
                    InvestigationProcess.SOURCE_TYPE, i.getId()));
            caseStore.record(new NewEntry(studentId, EntryKind.CONTACT_HOME, i.detailConfidentiality(), in.parentsToldAt(),
                    viewer.userId(), "Parents told of the use of force (" + i.getReference() + "): " + in.parentsToldBy() + " by "
                            + CONTACT_METHODS.get(in.parentsToldHow()).toLowerCase(), in.parentsToldWhat(),
                    InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
        IncidentCheck item = checks.findFirstByIncidentIdAndKind(i.getId(), CheckKind.USE_OF_FORCE).orElseThrow();
        item.done("Force used on " + in.studentIds().stream().map(id -> byId.get(id).displayName())
                .collect(Collectors.joining(", ")) + "; parents told " + when(in.parentsToldAt()), viewer.userId());
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

    public record SanctionInput(Long studentId, Sanction sanction, Integer days) {
    }

    /** School days of suspension approved for the student this school year, this incident aside. */
    public long suspensionDaysThisYear(Long studentId, Long exceptIncidentId) {
        LocalDate today = LocalDate.now(zone);
        int month = settings.schoolYearStartMonth();
        LocalDate start = LocalDate.of(today.getMonthValue() >= month ? today.getYear() : today.getYear() - 1, month, 1);
        return involved.suspensionDaysSince(studentId, start.atStartOfDay(zone).toInstant(), exceptIncidentId);
    }

    public int suspensionLimit() {
        return settings.suspensionLimitDays();
    }

    @Transactional
    public void recordOutcome(Incident i, String outcome, String rationale, List<SanctionInput> sanctions, boolean mediation,
                              boolean support, Viewer viewer) {
        i.outcome(outcome, rationale, mediation, support, viewer.userId());
        Map<Long, SanctionInput> byStudent = sanctions.stream().collect(Collectors.toMap(SanctionInput::studentId, Function.identity()));
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(i.getId())) {
            SanctionInput in = byStudent.get(s.getStudentId());
            if (in != null) {
                s.sanction(in.sanction(), in.days());
            }
            caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.DECISION, i.detailConfidentiality(), viewer.userId(),
                    "Outcome of the investigation of incident " + i.getReference() + ": " + OUTCOMES.get(outcome).toLowerCase(),
                    rationale, InvestigationProcess.SOURCE_TYPE, i.getId()));
            if (in != null && in.sanction() != Sanction.NONE) {
                caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.DECISION, i.detailConfidentiality(), viewer.userId(),
                        "Sanction after incident " + i.getReference() + ": " + describe(in)
                                + (in.sanction().needsHeadApproval() ? " (proposed, for the Headteacher's approval)" : ""),
                        null, InvestigationProcess.SOURCE_TYPE, i.getId()));
            }
        }
    }

    static String describe(SanctionInput in) {
        return in.sanction().label().toLowerCase() + (in.sanction() == Sanction.SUSPENSION ? " for " + in.days() + " school days" : "");
    }

    @Transactional
    public void recordHeadDecision(Incident i, boolean approved, String notes, Viewer viewer) {
        i.headDecision(approved ? "approved" : "not-approved", notes, viewer.userId());
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(i.getId())) {
            if (!IncidentStudent.PROPOSED.equals(s.getSanctionStatus())) {
                continue;
            }
            s.headDecided(approved);
            caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.DECISION, i.detailConfidentiality(), viewer.userId(),
                    "Headteacher " + (approved ? "approved" : "did not approve") + " the " + describe(new SanctionInput(
                            s.getStudentId(), s.sanctionValue(), s.getSuspensionDays())) + " (" + i.getReference() + ")",
                    notes, InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }

    @Transactional
    public void recordParentContact(Incident i, IncidentCheck item, String with, String method, Instant at, String said,
                                    Viewer viewer) {
        item.contact(with, method, at);
        item.done(said, viewer.userId());
        caseStore.record(new NewEntry(item.getStudentId(), EntryKind.CONTACT_HOME, i.detailConfidentiality(), at, viewer.userId(),
                "Parents contacted about incident " + i.getReference() + ": " + with + " by " + CONTACT_METHODS.get(method).toLowerCase(),
                said, InvestigationProcess.SOURCE_TYPE, i.getId()));
    }

    // ---------------------------------------------------------------- reading

    public Incident incident(Long id) {
        return incidents.findById(id).orElseThrow(() -> new IllegalStateException("No incident " + id));
    }

    public Incident byReference(String reference) {
        return incidents.findByReference(reference).orElseThrow(() -> new NotFoundException("No such incident"));
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

    public Optional<UseOfForce> useOfForce(Incident i) {
        return forceRecords.findByIncidentId(i.getId());
    }

    /** What the member of staff logged, for their status page (which shows no content). */
    public List<Incident> loggedBy(Viewer viewer) {
        return incidents.findByLoggedByOrderByLoggedAtDesc(viewer.userId());
    }

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
        if (i.getProcessInstanceId() == null) {
            return List.of();
        }
        AccessPolicy.Access access = policy.of(viewer);
        Classification record = classify(i);
        return inbox.openTasksOfProcess(i.getProcessInstanceId()).stream()
                .filter(t -> access.mayReadTask(record, t.candidateGroups(), t.assignee())).toList();
    }

    public String displayName(String userId) {
        return userId == null ? "" : directory.displayName(userId);
    }

    /** Who saw or printed the safeguarding detail of an investigation, and where. */
    @Transactional
    public void audited(Incident i, Viewer viewer, String action, String where) {
        audit.record(viewer.userId(), action, InvestigationProcess.SOURCE_TYPE, i.getId(), null, where + " " + i.getReference());
    }

    public ZoneId zone() {
        return zone;
    }

    public String attachmentLimitLabel() {
        return String.format("%.0f MB", settings.attachmentMaxBytes() / (1024.0 * 1024.0));
    }

    public long attachmentMaxBytes() {
        return settings.attachmentMaxBytes();
    }

    String when(Instant instant) {
        return fmt.when(instant);
    }
}
