package org.pastoralflow.transition;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Confidentiality;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohort board: one row per incoming student, one column per milestone, red/amber/green from
 * the due dates. Read with a fixed number of queries whatever the size of the cohort (the rows, their
 * milestones, the schools and tutor groups for the filters), never one per student. The child
 * protection file column exists only for the DSL group: for anyone else it is neither read, shown,
 * counted, filtered on nor exported.
 */
@Service
public class CohortBoard {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    public enum Rag {
        GREEN("rag-green", "Done"), AMBER("rag-amber", "Due soon"), RED("rag-red", "Overdue"), OPEN("rag-open", "To do"),
        WAITING("rag-waiting", "After triage"), NOT_NEEDED("rag-none", "Not needed");

        private final String css;
        private final String label;

        Rag(String css, String label) {
            this.css = css;
            this.label = label;
        }

        public String css() {
            return css;
        }

        public String label() {
            return label;
        }
    }

    public record Filters(String school, String pathway, String tutor, String outstanding) {

        public static final String UNDECIDED = "undecided";
        public static final String NO_GROUP = "none";

        public boolean any() {
            return school != null || pathway != null || tutor != null || outstanding != null;
        }
    }

    public record Cell(MilestoneStatus status, LocalDate due, LocalDate done, String outcome, Rag rag) {

        /** What the cell says, in words: colour is never the only signal. */
        public String text() {
            return switch (rag) {
                case GREEN -> "Done " + SHORT.format(done);
                case RED -> "Overdue: due " + SHORT.format(due);
                case AMBER, OPEN -> "Due " + SHORT.format(due);
                case WAITING -> "After triage";
                case NOT_NEEDED -> "Not needed";
            };
        }
    }

    public record Row(Long id, String reference, String upn, String surname, String forename, String school, String schoolUrn,
                      String tutorGroup, String pathway, List<String> needs, Map<Milestone, Cell> cells) {

        public String name() {
            return forename + " " + surname;
        }

        public String pathwayLabel() {
            return pathway == null ? "Not decided" : Transition.ENHANCED.equals(pathway) ? "Enhanced" : "Standard";
        }
    }

    public record Count(int done, int overdue, int dueSoon, int open, int notNeeded) {
    }

    public record School(String urn, String name) {
    }

    public record Board(int entryYear, List<Milestone> columns, List<Row> rows, Map<Milestone, Count> counts, Filters filters,
                        List<School> schools, List<String> tutorGroups, boolean dsl, LocalDate today) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Transitions transitions;

    private final AccessPolicy policy;

    public CohortBoard(NamedParameterJdbcTemplate jdbc, Transitions transitions, AccessPolicy policy) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.transitions = transitions;
    }

    /** The board as this viewer may see it. Unknown filter values (a milestone they may not see, say) are ignored. */
    @Transactional(readOnly = true)
    public Board board(int entryYear, Filters asked, Viewer viewer) {
        // the board is many records at once: the policy's levels decide the CP column, and year groups whether
        // a PSO or Head of Year who works with other years sees the incoming cohort at all
        AccessPolicy.Access access = policy.of(viewer);
        boolean dsl = access.levels().contains(Confidentiality.SAFEGUARDING);
        boolean inYears = access.worksWithYear(7);
        List<Milestone> columns = Milestone.visible(dsl);
        Filters filters = sanitised(asked, columns);
        LocalDate today = transitions.today();
        LocalDate amberUntil = transitions.calendar().amberUntil(today);

        MapSqlParameterSource p = new MapSqlParameterSource("year", entryYear);
        String where = where(filters, p) + (inYears ? "" : " and 1 = 0");
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query("""
                select t.id, t.reference, t.upn, t.legal_surname, t.legal_forename, t.tutor_group, t.pathway, t.sen_status,
                       t.ehcp, t.in_care, t.cp_plan, t.anxiety, t.young_carer, t.primary_recommends, s.name, s.urn
                from transition t join feeder_school s on s.id = t.feeder_school_id
                """ + where + " order by t.legal_surname, t.legal_forename, t.id", p, rs -> {
            rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(15), rs.getString(16), rs.getString(6), rs.getString(7),
                    needs(rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), dsl && rs.getBoolean(11), rs.getBoolean(12),
                            rs.getBoolean(13), rs.getBoolean(14)), new EnumMap<>(Milestone.class)));
        });
        p.addValue("cpFile", Milestone.CP_FILE.name());
        jdbc.query("""
                select m.transition_id, m.milestone, m.status, m.due_on, m.done_on, m.outcome
                from transition_milestone m join transition t on t.id = m.transition_id
                join feeder_school s on s.id = t.feeder_school_id
                """ + where + (dsl ? "" : " and m.milestone <> :cpFile"), p, rs -> {
            Row row = rows.get(rs.getLong(1));
            Milestone m = Milestone.valueOf(rs.getString(2));
            if (row != null) {
                MilestoneStatus status = MilestoneStatus.valueOf(rs.getString(3));
                LocalDate due = day(rs.getDate(4));
                LocalDate done = day(rs.getDate(5));
                row.cells().put(m, new Cell(status, due, done, rs.getString(6), rag(status, due, today, amberUntil)));
            }
        });
        List<School> schools = jdbc.query("""
                select distinct s.urn, s.name from transition t join feeder_school s on s.id = t.feeder_school_id
                where t.entry_year = :year order by s.name""", p, (rs, i) -> new School(rs.getString(1), rs.getString(2)));
        List<String> groups = jdbc.queryForList("""
                select distinct t.tutor_group from transition t
                where t.entry_year = :year and t.tutor_group is not null order by t.tutor_group""", p, String.class);

        List<Row> list = new ArrayList<>(rows.values());
        return new Board(entryYear, columns, list, counts(list, columns), filters, schools, groups, dsl, today);
    }

    private static Filters sanitised(Filters f, List<Milestone> columns) {
        String outstanding = f.outstanding() != null && columns.stream().anyMatch(m -> m.name().equals(f.outstanding()))
                ? f.outstanding() : null;
        String pathway = f.pathway() != null && List.of(Transition.ENHANCED, Transition.STANDARD, Filters.UNDECIDED).contains(f.pathway())
                ? f.pathway() : null;
        return new Filters(blank(f.school()), pathway, blank(f.tutor()), outstanding);
    }

    private static String where(Filters f, MapSqlParameterSource p) {
        StringBuilder w = new StringBuilder(" where t.entry_year = :year and t.status <> 'WITHDRAWN'");
        if (f.school() != null) {
            w.append(" and s.urn = :school");
            p.addValue("school", f.school());
        }
        if (Filters.UNDECIDED.equals(f.pathway())) {
            w.append(" and t.pathway is null");
        } else if (f.pathway() != null) {
            w.append(" and t.pathway = :pathway");
            p.addValue("pathway", f.pathway());
        }
        if (Filters.NO_GROUP.equals(f.tutor())) {
            w.append(" and t.tutor_group is null");
        } else if (f.tutor() != null) {
            w.append(" and t.tutor_group = :tutor");
            p.addValue("tutor", f.tutor());
        }
        if (f.outstanding() != null) {
            w.append(" and exists (select 1 from transition_milestone o where o.transition_id = t.id"
                    + " and o.milestone = :outstanding and o.status in ('OPEN', 'WAITING'))");
            p.addValue("outstanding", f.outstanding());
        }
        return w.toString();
    }

    static Rag rag(MilestoneStatus status, LocalDate due, LocalDate today, LocalDate amberUntil) {
        return switch (status) {
            case DONE -> Rag.GREEN;
            case NOT_NEEDED -> Rag.NOT_NEEDED;
            case WAITING -> Rag.WAITING;
            case OPEN -> due == null ? Rag.OPEN : due.isBefore(today) ? Rag.RED : !due.isAfter(amberUntil) ? Rag.AMBER : Rag.OPEN;
        };
    }

    private static Map<Milestone, Count> counts(List<Row> rows, List<Milestone> columns) {
        Map<Milestone, Count> counts = new EnumMap<>(Milestone.class);
        for (Milestone m : columns) {
            int[] n = new int[Rag.values().length];
            rows.forEach(r -> {
                Cell c = r.cells().get(m);
                if (c != null) {
                    n[c.rag().ordinal()]++;
                }
            });
            counts.put(m, new Count(n[Rag.GREEN.ordinal()], n[Rag.RED.ordinal()], n[Rag.AMBER.ordinal()],
                    n[Rag.OPEN.ordinal()] + n[Rag.WAITING.ordinal()], n[Rag.NOT_NEEDED.ordinal()]));
        }
        return counts;
    }

    /** The needs the viewer may see; a child protection plan only for the DSL group. */
    private static List<String> needs(String sen, boolean ehcp, boolean inCare, boolean cpPlan, boolean anxiety, boolean youngCarer,
                                      boolean recommends) {
        List<String> needs = new ArrayList<>(6);
        if (ehcp) {
            needs.add("EHCP");
        } else if ("K".equals(sen)) {
            needs.add("SEN support");
        }
        if (inCare) {
            needs.add("Looked after");
        }
        if (cpPlan) {
            needs.add("CP plan");
        }
        if (anxiety) {
            needs.add("Anxiety");
        }
        if (youngCarer) {
            needs.add("Young carer");
        }
        if (recommends) {
            needs.add("Primary recommends enhanced");
        }
        return needs;
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
