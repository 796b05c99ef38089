package org.pastoralflow.investigation;

import org.pastoralflow.forms.Coded;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.StudentPicker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logging an incident: what any member of staff does first, and what starts the investigation. */
@Service
public class IncidentLog {

    public static final int MAX_STUDENTS = 12;
    public static final String PART = "part-";

    private final IncidentRepository incidents;
    private final IncidentStudentRepository involved;
    private final IncidentCheckRepository checks;
    private final StudentPicker picker;
    private final References references;
    private final Processes processes;
    private final InvestigationSettings settings;
    private final Clock clock;

    IncidentLog(IncidentRepository incidents, IncidentStudentRepository involved, IncidentCheckRepository checks,
                StudentPicker picker, References references, Processes processes, InvestigationSettings settings, Clock clock) {
        this.incidents = incidents;
        this.involved = involved;
        this.checks = checks;
        this.picker = picker;
        this.references = references;
        this.processes = processes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Any member of staff logs an incident. Everything is checked before anything is written; the
     * incident, its students, its checklist and the process start in one transaction.
     */
    @Transactional
    public Incident log(FormData data, Viewer viewer) {
        LocalDate day = data.date("occurredOn", "Date", true);
        LocalTime time = time(data, "occurredTime", "Time");
        String location = data.text("location", "Where it happened", 200, true);
        String typeCode = data.oneOf("type", "Type of incident", Coded.options(IncidentType.class).keySet());
        String description = data.text("description", "What happened", 20000, true);
        String staff = data.text("staffInvolved", "Staff involved", 1000, false);
        boolean force = data.flag("reasonableForce");
        boolean safeguarding = data.flag("safeguardingIndicator");
        Map<Integer, Student> picked = picker.read(data, MAX_STUDENTS);
        Map<Integer, Part> parts = readParts(data, picked);
        Instant occurredAt = null;
        if (day != null && time != null) {
            occurredAt = LocalDateTime.of(day, time).atZone(clock.getZone()).toInstant();
            if (occurredAt.isAfter(clock.instant().plus(5, ChronoUnit.MINUTES))) {
                data.reject("occurredOn", "The date and time cannot be in the future.");
            }
        }
        data.throwIfInvalid();

        Instant overwritten = occurredAt.plus(settings.cctvRetentionDays(), ChronoUnit.DAYS);
        Incident incident = incidents.save(new Incident(references.next("I", "incident_number_seq"), occurredAt, location,
                Coded.of(IncidentType.class, typeCode), description, staff, force, safeguarding, viewer.userId(), overwritten, clock.instant()));
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
            if (hasUpn && (part == null || !Coded.options(Part.class).containsKey(part))) {
                data.reject(PART + row, "Row " + (row + 1) + ": choose the student's part: target, alleged perpetrator or witness.");
            } else if (!hasUpn && part != null) {
                data.reject(StudentPicker.PREFIX + row, "Row " + (row + 1) + ": a part is chosen but no student: add the UPN or clear the row.");
            } else if (hasUpn && picked.containsKey(row)) {
                parts.put(row, Coded.of(Part.class, part));
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
}
