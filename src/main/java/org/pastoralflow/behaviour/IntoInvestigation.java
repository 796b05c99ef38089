package org.pastoralflow.behaviour;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.StudentPicker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A serious log turned into an incident investigation with one click: the incident is logged
 * directly through {@link IncidentLog} (so it is checked and started exactly as one typed into the
 * incident form), carrying the log's students as alleged perpetrators, its time, place and note, and
 * the kind of incident the category names (else "other"). See docs/adr/0022.
 */
@Service
public class IntoInvestigation {

    private final BehaviourLogRepository logs;
    private final BehaviourSettings settings;
    private final BehaviourReads reads;
    private final IncidentLog incidents;
    private final StudentRepository students;
    private final CaseStore caseStore;

    IntoInvestigation(BehaviourLogRepository logs, BehaviourSettings settings, BehaviourReads reads, IncidentLog incidents,
                      StudentRepository students, CaseStore caseStore) {
        this.logs = logs;
        this.settings = settings;
        this.reads = reads;
        this.incidents = incidents;
        this.students = students;
        this.caseStore = caseStore;
    }

    /** Whether this batch can still become an investigation: behaviour, not yet investigated, few enough students for one incident. */
    public static boolean possible(List<BehaviourLog> batch) {
        return !batch.isEmpty() && !batch.get(0).isAchievement() && batch.get(0).getIncidentId() == null
                && batch.size() <= IncidentLog.MAX_STUDENTS;
    }

    @Transactional
    public Incident investigate(String batch, Viewer viewer) {
        List<BehaviourLog> lines = reads.batch(batch, viewer);
        if (!possible(lines)) {
            throw new NotFoundException(lines.isEmpty() || lines.get(0).getIncidentId() != null || lines.get(0).isAchievement()
                    ? "Nothing was found there." : "An incident names at most " + IncidentLog.MAX_STUDENTS
                    + " students: log this one from the incident form.");
        }
        BehaviourLog first = lines.get(0);
        BehaviourSettings.Category category = settings.category(first.getCategory()).orElse(null);
        ZonedDateTime at = first.getOccurredAt().atZone(reads.zone()).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> form = new HashMap<>();
        form.put("occurredOn", at.toLocalDate().toString());
        form.put("occurredTime", at.toLocalTime().toString());
        form.put("location", first.getPlace());
        form.put("type", category != null && category.incidentType() != null ? category.incidentType() : "other");
        form.put("description", (category == null ? first.getCategory() : category.label()) + " (behaviour log " + batch + ")"
                + (first.getNote() == null ? "" : ": " + first.getNote()));
        Map<Long, Student> byId = new HashMap<>();
        students.findAllById(lines.stream().map(BehaviourLog::getStudentId).toList()).forEach(s -> byId.put(s.getId(), s));
        for (int row = 0; row < lines.size(); row++) {
            form.put(StudentPicker.PREFIX + row, byId.get(lines.get(row).getStudentId()).getUpn());
            form.put(IncidentLog.PART + row, "alleged-perpetrator");
        }
        Incident incident = incidents.log(new FormData(form), viewer);
        for (BehaviourLog line : lines) {
            line.investigatedAs(incident.getId());
            // a safeguarding incident is the DSL's alone: the log's own readers do not learn its reference
            caseStore.record(NewEntry.now(line.getStudentId(), EntryKind.BEHAVIOUR_LOG,
                    incident.isSafeguarding() ? Confidentiality.SAFEGUARDING : line.getConfidentiality(), viewer.userId(),
                    "Behaviour log " + batch + " turned into incident " + incident.getReference(), null,
                    BehaviourProcess.SOURCE_LOG, line.getId()));
        }
        logs.saveAll(lines);
        return incident;
    }
}
