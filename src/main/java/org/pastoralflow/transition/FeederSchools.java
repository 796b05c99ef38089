package org.pastoralflow.transition;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The feeder primaries of a cohort: how many students each still owes information for, and the contact log. */
@Service
public class FeederSchools {

    public record Summary(String urn, String name, int students, int outstanding, int overdue, LocalDate lastContact) {
    }

    public record Student(Transition transition, TransitionMilestone information) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final FeederSchoolRepository schools;
    private final FeederContactRepository contacts;
    private final TransitionRepository transitions;
    private final TransitionMilestoneRepository milestones;
    private final Transitions service;

    public FeederSchools(NamedParameterJdbcTemplate jdbc, FeederSchoolRepository schools, FeederContactRepository contacts,
                         TransitionRepository transitions, TransitionMilestoneRepository milestones, Transitions service) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.contacts = contacts;
        this.transitions = transitions;
        this.milestones = milestones;
        this.service = service;
    }

    /** Every school of the cohort, those with the most information outstanding first. Two queries. */
    @Transactional(readOnly = true)
    public List<Summary> summaries(int entryYear) {
        MapSqlParameterSource p = new MapSqlParameterSource("year", entryYear).addValue("today", Date.valueOf(service.today()));
        Map<Long, LocalDate> lastContact = new HashMap<>();
        jdbc.query("""
                select c.feeder_school_id, max(c.occurred_on) from feeder_contact c
                where c.entry_year = :year and c.kind not in ('REQUESTED', 'CHASE') group by c.feeder_school_id""", p,
                rs -> {
                    lastContact.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                });
        return jdbc.query("""
                select s.id, s.urn, s.name, count(t.id),
                       sum(case when m.status in ('OPEN', 'WAITING') then 1 else 0 end),
                       sum(case when m.status = 'OPEN' and m.due_on < :today then 1 else 0 end)
                from feeder_school s
                join transition t on t.feeder_school_id = s.id and t.entry_year = :year and t.status <> 'WITHDRAWN'
                join transition_milestone m on m.transition_id = t.id and m.milestone = 'INFORMATION'
                group by s.id, s.urn, s.name
                order by 5 desc, s.name""", p, (rs, i) -> new Summary(rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), lastContact.get(rs.getLong(1))));
    }

    public FeederSchool byUrn(String urn) {
        return schools.findByUrn(urn).orElseThrow(() -> new NotFoundException("No such school"));
    }

    /** The school's students in the cohort, with where their information stands. */
    @Transactional(readOnly = true)
    public List<Student> students(FeederSchool school, int entryYear) {
        List<Transition> list = transitions.findByEntryYearAndFeederSchoolIdOrderByLegalSurnameAscLegalForenameAsc(entryYear,
                school.getId()).stream().filter(t -> !t.isWithdrawn()).toList();
        Map<Long, TransitionMilestone> info = milestones.findByTransitionIdInAndMilestoneIn(
                list.stream().map(Transition::getId).toList(), List.of(Milestone.INFORMATION)).stream()
                .collect(Collectors.toMap(TransitionMilestone::getTransitionId, Function.identity()));
        return list.stream().map(t -> new Student(t, info.get(t.getId()))).toList();
    }

    public List<FeederContact> contacts(FeederSchool school, int entryYear) {
        return contacts.findByFeederSchoolIdAndEntryYearOrderByOccurredOnDescIdDesc(school.getId(), entryYear);
    }

    @Transactional
    public FeederContact logContact(FeederSchool school, int entryYear, FormData data, Viewer viewer) {
        String kind = data.oneOf("kind", "What it was", FeederContact.KINDS.keySet());
        LocalDate on = data.date("occurredOn", "When", true);
        String with = data.text("withWhom", "With whom", 200, false);
        String notes = data.text("notes", "What was said or received", 5000, true);
        if (on != null && on.isAfter(service.today())) {
            data.reject("occurredOn", "The date cannot be in the future.");
        }
        if (service.cohort(entryYear).isEmpty()) {
            data.reject("kind", "There is no cohort joining in September " + entryYear + ".");
        }
        data.throwIfInvalid();
        return contacts.save(new FeederContact(school.getId(), entryYear, kind, on, with, notes, viewer.userId(), service.now()));
    }
}
