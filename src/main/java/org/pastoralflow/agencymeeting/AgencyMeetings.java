package org.pastoralflow.agencymeeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting series: opening one (the DSL chooses the kind and, for Early Help and PEP reviews, how
 * confidential it is), closing one, and every read of series, meetings and actions, as the access
 * policy allows.
 */
@Service
public class AgencyMeetings {

    static final Map<String, String> LEVELS = Map.of(
            Confidentiality.PASTORAL.name(), "Pastoral: the student's caseworkers",
            Confidentiality.SEND.name(), "SEND: the SENCO, the DSLs, the Heads of Year and the Pastoral Lead",
            Confidentiality.SAFEGUARDING.name(), "Safeguarding: the DSLs only");

    private final MeetingSeriesRepository series;
    private final AgencyMeetingRepository meetings;
    private final AgencyActionRepository actions;
    private final StudentRepository students;
    private final CaseStore caseStore;
    private final Processes processes;
    private final References references;
    private final TaskInbox inbox;
    private final AccessPolicy policy;
    private final StaffDirectory directory;
    private final AgencyMeetingSettings settings;
    private final Clock clock;

    AgencyMeetings(MeetingSeriesRepository series, AgencyMeetingRepository meetings, AgencyActionRepository actions,
                   StudentRepository students, CaseStore caseStore, Processes processes, References references, TaskInbox inbox,
                   AccessPolicy policy, StaffDirectory directory, AgencyMeetingSettings settings, Clock clock) {
        this.series = series;
        this.meetings = meetings;
        this.actions = actions;
        this.students = students;
        this.caseStore = caseStore;
        this.processes = processes;
        this.references = references;
        this.inbox = inbox;
        this.policy = policy;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens a series from the form: the student (by UPN), the kind, the level (CP and CIN kinds are
     * always safeguarding), a named keeper who may read it (or the kind's group), the lead professional,
     * the purpose, and the first meeting's date (a past date: the reminder to record it comes at once).
     */
    @Transactional
    public MeetingSeries open(FormData data, Viewer viewer) {
        Student student = null;
        String upn = data.text("upn", "Student (UPN)", 13, true);
        if (upn != null) {
            student = students.findByUpn(upn.toUpperCase(java.util.Locale.ROOT)).orElse(null);
            if (student == null) {
                data.reject("upn", "No student has this UPN.");
            }
        }
        String kindCode = data.oneOf("kind", "Kind of meeting", settings.kinds().stream().map(AgencyMeetingSettings.Kind::code).toList());
        AgencyMeetingSettings.Kind kind = kindCode == null ? null : settings.kind(kindCode).orElseThrow();
        Confidentiality level = null;
        if (kind != null && kind.safeguarding()) {
            level = Confidentiality.SAFEGUARDING;
            String chosen = data.optional("confidentiality");
            if (chosen != null && !chosen.isBlank() && !chosen.equals(level.name())) {
                data.reject("confidentiality", "A " + kind.name() + " is always a safeguarding record.");
            }
        } else {
            String chosen = data.oneOf("confidentiality", "Who may read it", LEVELS.keySet());
            level = chosen == null ? null : Confidentiality.valueOf(chosen);
        }
        String owner = data.text("owner", "Kept by (username)", 64, false);
        // an unknown login is refused whatever else is wrong; one who may not read the series once the student and level are known
        if (owner != null && (!directory.userExists(owner) || student != null && level != null && !mayRead(owner, student.getId(), level))) {
            data.reject("owner", "Name someone who may read this series (for the designated teacher of a safeguarding PEP, "
                    + "a DSL), or leave it empty for the group.");
        }
        String lead = data.text("leadProfessional", "Lead professional and agency", 200, false);
        String purpose = data.text("purpose", "Why the series meets", 5000, false);
        LocalDate first = data.date("firstMeetingOn", "First meeting (or the one just held)", true);
        if (first != null && first.isBefore(LocalDate.now(clock).minusYears(1))) {
            data.reject("firstMeetingOn", "Give a date within the last year.");
        }
        data.throwIfInvalid();
        MeetingSeries s = series.save(new MeetingSeries(references.next("AM", "agency_meeting_number_seq"), student.getId(), level,
                kind.code(), kind.ownerGroup(), owner, lead, purpose, first, viewer.userId(), clock.instant()));
        record(s, viewer.userId(), kind.name() + " series opened (" + s.getReference() + ")",
                joined("Lead professional: ", lead, "Why: ", purpose, "First meeting: ", first.toString()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(AgencyMeetingProcess.SERIES_ID, s.getId());
        vars.put(AgencyMeetingProcess.STUDENT_ID, s.getStudentId());
        vars.put(AgencyMeetingProcess.REFERENCE, s.getReference());
        vars.put(AgencyMeetingProcess.OWNER_GROUP, s.getOwnerGroup());
        vars.put(AgencyMeetingProcess.OWNER, owner);
        s.started(processes.start(AgencyMeetingProcess.KEY, s.getReference(), vars));
        return s;
    }

    /** Ends a series between meetings (the plan ended, the child moved): the reminder stops; open actions run on. */
    @Transactional
    public void close(String reference, FormData data, Viewer viewer) {
        MeetingSeries s = readable(reference, viewer);
        requireKeeper(s, viewer);
        String why = data.text("why", "Why the series ends", 5000, true);
        if (!s.isOpen()) {
            data.reject("why", "This series has already ended.");
        }
        data.throwIfInvalid();
        s.close(viewer.userId(), why, clock.instant());
        record(s, viewer.userId(), kindName(s) + " series " + s.getReference() + " ended", why);
        processes.correlate(AgencyMeetingProcess.MESSAGE_CLOSED, s.getProcessInstanceId(), Map.of(), Map.of());
    }

    /** Whether the viewer keeps the series: its named keeper, or anyone in its group when none is named. */
    public boolean keeps(MeetingSeries s, Viewer viewer) {
        return s.getOwner() != null ? s.getOwner().equals(viewer.userId()) || viewer.groups().contains(s.getOwnerGroup())
                : viewer.groups().contains(s.getOwnerGroup());
    }

    /** Changes to a series are its keeper's; anyone else who reads it is answered as if there were nothing to change. */
    void requireKeeper(MeetingSeries s, Viewer viewer) {
        if (!keeps(s, viewer)) {
            throw new NotFoundException("Nothing was found there.");
        }
    }

    /** Whether this member of staff may read a record about the student at this level. */
    boolean mayRead(String userId, Long studentId, Confidentiality level) {
        return directory.userExists(userId) && policy.mayRead(new Viewer(userId, userId, directory.groupsOf(userId)),
                Classification.of(AgencyMeetingProcess.SOURCE_TYPE, null, level, studentId));
    }

    boolean userExists(String userId) {
        return directory.userExists(userId);
    }

    void record(MeetingSeries s, String by, String summary, String detail) {
        caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.AGENCY_MEETING, s.getConfidentiality(), by, summary, detail,
                AgencyMeetingProcess.SOURCE_TYPE, s.getId()));
    }

    static String joined(String... labelValue) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labelValue.length; i += 2) {
            if (labelValue[i + 1] != null && !labelValue[i + 1].isBlank()) {
                out.append(out.isEmpty() ? "" : "\n").append(labelValue[i]).append(labelValue[i + 1]);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- reading

    public Classification classify(MeetingSeries s) {
        return Classification.of(AgencyMeetingProcess.SOURCE_TYPE, s.getId(), s.getConfidentiality(), s.getStudentId());
    }

    public Classification classify(AgencyAction a) {
        return Classification.of(AgencyMeetingProcess.ACTION_SOURCE_TYPE, a.getId(), a.getConfidentiality(), a.getStudentId());
    }

    /** The series, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    public MeetingSeries readable(String reference, Viewer viewer) {
        return policy.require(viewer, series.findByReference(reference).orElse(null), this::classify);
    }

    public MeetingSeries byReference(String reference) {
        return series.findByReference(reference).orElseThrow(() -> new NotFoundException("Nothing was found there."));
    }

    public MeetingSeries byId(Long id) {
        return series.findById(id).orElseThrow();
    }

    public AgencyAction actionByReference(String reference) {
        return actions.findByReference(reference).orElseThrow(() -> new NotFoundException("Nothing was found there."));
    }

    public AgencyAction actionById(Long id) {
        return actions.findById(id).orElseThrow();
    }

    public List<MeetingSeries> open(Viewer viewer) {
        return policy.readable(viewer, series.findByClosedAtIsNullOrderByNextMeetingOnAsc(), this::classify);
    }

    public List<MeetingSeries> ofStudent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, series.findByStudentIdOrderByOpenedAtDesc(studentId), this::classify);
    }

    /** A series' meetings, oldest first: read only after the series itself was found readable. */
    public List<AgencyMeeting> meetingsOf(MeetingSeries s) {
        return meetings.findBySeriesIdOrderByHeldOnAscIdAsc(s.getId());
    }

    public List<AgencyAction> actionsOf(MeetingSeries s, Viewer viewer) {
        return policy.readable(viewer, actions.findBySeriesIdOrderByDueOnAscIdAsc(s.getId()), this::classify);
    }

    public Student studentOf(Long studentId) {
        return students.findById(studentId).orElseThrow();
    }

    public Map<Long, Student> studentsOf(List<MeetingSeries> list) {
        Map<Long, Student> out = new LinkedHashMap<>();
        students.findAllById(list.stream().map(MeetingSeries::getStudentId).distinct().toList()).forEach(st -> out.put(st.getId(), st));
        return out;
    }

    public List<ChronologyEntry> history(MeetingSeries s, Viewer viewer, String where) {
        return caseStore.aboutRecord(AgencyMeetingProcess.SOURCE_TYPE, s.getId(), viewer, s.getStudentId(), where);
    }

    /** The open tasks of the series and of its actions' workflows that the viewer may know of. */
    public List<TaskView> openTasks(MeetingSeries s, List<AgencyAction> readableActions, Viewer viewer) {
        AccessPolicy.Access access = policy.of(viewer);
        Classification record = classify(s);
        List<TaskView> out = new java.util.ArrayList<>(inbox.openTasksVisibleTo(s.getProcessInstanceId(), access, t -> record));
        for (AgencyAction a : readableActions) {
            if (a.isOpen()) {
                Classification action = classify(a);
                out.addAll(inbox.openTasksVisibleTo(a.getProcessInstanceId(), access, t -> action));
            }
        }
        return out;
    }

    /** Whether an agency's action waits for news (not being chased just now): then it may be marked done from the page. */
    public boolean waitsForAgency(AgencyAction a) {
        return a.isOpen() && !a.isSchool() && a.getProcessInstanceId() != null
                && inbox.openTaskId(a.getProcessInstanceId(), AgencyMeetingProcess.TASK_CHASE_AGENCY).isEmpty();
    }

    public String kindName(MeetingSeries s) {
        return settings.kindName(s.getKind());
    }

    public AgencyMeetingSettings settings() {
        return settings;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<Student> studentByUpn(String upn) {
        return students.findByUpn(upn);
    }
}
