package org.pastoralflow.intervention;

import org.pastoralflow.measure.Scale;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.AccessPolicy.RecordSql;
import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provision a student received in a period: each group or 1:1 run they were in, each support plan
 * (its interventions and the sessions logged against it) and each referral to an outside agency; with
 * sessions attended, hours, cost and the outcome. The cost rule: sessions attended × the catalogue's
 * cost per session, or × session length × cost per hour. Every row is read through the access policy
 * in the SQL, so a record the viewer may not open is neither listed nor counted.
 */
@Service
public class ProvisionMap {

    static final RecordSql MEMBERS = RecordSql.single(GroupMember.RECORD_TYPE, "m.id", "g.confidentiality", "m.student_id");
    static final RecordSql PLANS = RecordSql.single("support-plan", "p.id", "p.confidentiality", "p.student_id");
    static final RecordSql REFERRALS = RecordSql.single("referral", "r.id", "r.confidentiality", "r.student_id");

    public static final String GROUP = "Group";
    public static final String ONE_TO_ONE = "1:1";
    public static final String PLAN = "Support plan";
    public static final String AGENCY = "Outside agency";

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessPolicy policy;
    private final Catalogue catalogue;

    ProvisionMap(NamedParameterJdbcTemplate jdbc, AccessPolicy policy, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.catalogue = catalogue;
    }

    /**
     * One piece of provision for one student. {@code intervention}: the catalogue's name (or the agency's);
     * {@code direction}: +1 improved, 0 the same, −1 worse, null not measured yet; {@code change}: exit − entry;
     * {@code run}: the group's or the plan's id (the external referral's for an agency), so runs can be counted.
     */
    public record Provision(Long studentId, String kind, String intervention, String detail, int attended, int missed, long minutes,
                            long costPence, Integer entry, Integer exit, Integer change, Integer direction, String measure, Long run) {

        public String outcome() {
            if (AGENCY.equals(kind)) {
                return detail;
            }
            if (entry == null) {
                return "Not measured";
            }
            return exit == null ? measure + ": " + entry + " at the start"
                    : measure + ": " + entry + " → " + exit + " (" + new Scale.Change(entry, exit, change, direction).word() + ")";
        }

        public String hours() {
            return String.format(Locale.UK, "%.1f", minutes / 60.0);
        }

        public String cost() {
            return pounds(costPence);
        }
    }

    public static String pounds(long pence) {
        return String.format(Locale.UK, "£%,.2f", pence / 100.0);
    }

    /** The student's provision in the filter's period, as the viewer may read it. */
    @Transactional(readOnly = true)
    public List<Provision> student(Long studentId, DashboardFilter filter, Viewer viewer) {
        return read(filter, viewer, " and s.id = :student", new MapSqlParameterSource("student", studentId), false);
    }

    /** Every filtered student's provision in the period ({@code ehcp}: only students with an EHCP). */
    @Transactional(readOnly = true)
    public List<Provision> cohort(DashboardFilter filter, boolean ehcp, Viewer viewer) {
        return read(filter, viewer, ehcp ? " and s.ehcp = true" : "", new MapSqlParameterSource(), true);
    }

    private List<Provision> read(DashboardFilter filter, Viewer viewer, String more, MapSqlParameterSource params, boolean useFilter) {
        AccessPolicy.Access access = policy.of(viewer);
        params.addValue("first", Date.valueOf(filter.firstDay())).addValue("last", Date.valueOf(filter.lastDay()));
        String students = (useFilter ? filter.students("s", params) : "") + more;
        List<Provision> out = new ArrayList<>();
        groups(access, students, params, out);
        plans(access, students, params, out);
        agencies(access, students, params, out);
        return out;
    }

    private String and(AccessPolicy.Access access, RecordSql record, MapSqlParameterSource params) {
        AccessPolicy.SqlFilter f = policy.sql(access, record);
        params.addValues(f.parameters());
        return " and " + f.condition();
    }

    /** Group and 1:1 runs with a session in the period (or starting in it): marks in the period, scores as they stand. */
    private void groups(AccessPolicy.Access access, String students, MapSqlParameterSource params, List<Provision> out) {
        Map<Long, Intervention> byId = catalogue.byId();
        String marks = "select count(*) from intervention_mark k join intervention_session x on x.id = k.session_id "
                + "where k.member_id = m.id and x.held_on >= :first and x.held_on <= :last and k.mark = ";
        String sql = "select m.student_id, g.intervention_id, g.name, m.entry_score, m.exit_score, m.withdrawn_on, "
                + "(" + marks + "'PRESENT'), (" + marks + "'ABSENT'), g.id "
                + "from intervention_member m join intervention_group g on g.id = m.group_id join student s on s.id = m.student_id "
                + "where g.first_session <= :last and (g.first_session >= :first or exists (select 1 from intervention_session y "
                + "where y.group_id = g.id and y.held_on >= :first))"
                + and(access, MEMBERS, params) + students + " order by g.first_session, g.id";
        jdbc.query(sql, params, rs -> {
            Intervention i = byId.get(rs.getLong(2));
            Scale scale = catalogue.scaleOf(i);
            int attended = rs.getInt(7);
            Integer entry = (Integer) rs.getObject(4);
            Integer exit = (Integer) rs.getObject(5);
            Scale.Change change = entry == null ? null : scale.change(entry, exit);
            String detail = rs.getString(3) + (rs.getDate(6) == null ? "" : ", withdrew " + rs.getDate(6).toLocalDate());
            out.add(new Provision(rs.getLong(1), i.isOneToOne() ? ONE_TO_ONE : GROUP, i.getName(), detail, attended, rs.getInt(8),
                    (long) attended * i.getSessionMinutes(), attended * i.sessionCostPence(), entry, exit,
                    change == null ? null : change.difference(), change == null ? null : change.direction(), scale.name(), rs.getLong(9)));
        });
    }

    /**
     * Support plans running in the period: one row per intervention the plan names, with the sessions
     * logged against it in the period; the plan's baseline and end measure on the first row only, so a
     * plan's outcome is counted once.
     */
    private void plans(AccessPolicy.Access access, String students, MapSqlParameterSource params, List<Provision> out) {
        Map<String, Intervention> byCode = catalogue.byCode();
        Map<Long, Map<String, Integer>> sessions = new HashMap<>();
        String planFilter = and(access, PLANS, params);
        jdbc.query("select ps.plan_id, ps.intervention, count(*) from plan_session ps join support_plan p on p.id = ps.plan_id "
                + "join student s on s.id = p.student_id where ps.held_on >= :first and ps.held_on <= :last" + planFilter + students
                + " group by ps.plan_id, ps.intervention", params, rs -> {
            sessions.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
        });
        jdbc.query("select p.id, p.student_id, p.interventions, p.measure_scale, p.baseline_score, p.end_score from support_plan p "
                + "join student s on s.id = p.student_id where p.started_on <= :last and (p.closed_on is null or p.closed_on >= :first)"
                + planFilter + students + " order by p.started_on, p.id", params, rs -> {
            Scale scale = catalogue.measures().scaleOrPlan(rs.getString(4));
            int entry = rs.getInt(5);
            Integer exit = (Integer) rs.getObject(6);
            Scale.Change change = scale.change(entry, exit);
            boolean first = true;
            Map<String, Integer> logged = sessions.getOrDefault(rs.getLong(1), Map.of());
            for (String code : rs.getString(3).split(",")) {
                Intervention i = byCode.get(code);
                int attended = logged.getOrDefault(code, 0);
                long minutes = i == null ? 0 : (long) attended * i.getSessionMinutes();
                long cost = i == null ? 0 : attended * i.sessionCostPence();
                out.add(new Provision(rs.getLong(2), PLAN, i == null ? code : i.getName(), "Plan " + rs.getLong(1), attended, 0, minutes,
                        cost, first ? entry : null, first ? exit : null, first && change != null ? change.difference() : null,
                        first && change != null ? change.direction() : null, scale.name(), rs.getLong(1)));
                first = false;
            }
        });
    }

    /** Referrals to an outside agency made in the period: who, when and the outcome; the school pays no session cost. */
    private void agencies(AccessPolicy.Access access, String students, MapSqlParameterSource params, List<Provision> out) {
        jdbc.query("select r.student_id, e.agency, e.referred_on, e.outcome, e.id from external_referral e join referral r on r.id = e.referral_id "
                + "join student s on s.id = r.student_id where e.referred_on >= :first and e.referred_on <= :last"
                + and(access, REFERRALS, params) + students + " order by e.referred_on, e.id", params, rs -> {
            String outcome = rs.getString(4);
            out.add(new Provision(rs.getLong(1), AGENCY, rs.getString(2), "Referred " + rs.getDate(3).toLocalDate()
                    + (outcome == null ? ", no outcome yet" : ", " + outcome), 0, 0, 0, 0, null, null, null, null, null, rs.getLong(5)));
        });
    }

    /** A row of the cohort table: one kind of provision and intervention, over every student given. */
    public record CohortRow(String kind, String intervention, int students, int attended, int missed, long minutes, long costPence,
                            int scored, int improved, int same, int worse, Double meanChange) {

        /** Present out of present and absent at group and 1:1 sessions, in whole per cent; null with no register. */
        public Integer attendancePercent() {
            return attended + missed == 0 || AGENCY.equals(kind) || PLAN.equals(kind) ? null
                    : (int) Math.round(100.0 * attended / (attended + missed));
        }

        public String hours() {
            return String.format(Locale.UK, "%.1f", minutes / 60.0);
        }
    }

    /** The provision rows added up by kind and intervention, in the catalogue's order of names. */
    public static List<CohortRow> byIntervention(List<Provision> rows) {
        Map<String, List<Provision>> keyed = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(Provision::kind).thenComparing(Provision::intervention))
                .forEach(p -> keyed.computeIfAbsent(p.kind() + "\u0000" + p.intervention(), k -> new ArrayList<>()).add(p));
        List<CohortRow> out = new ArrayList<>();
        keyed.forEach((key, list) -> {
            int scored = 0;
            int improved = 0;
            int same = 0;
            int worse = 0;
            long change = 0;
            for (Provision p : list) {
                if (p.direction() != null) {
                    scored++;
                    improved += p.direction() > 0 ? 1 : 0;
                    same += p.direction() == 0 ? 1 : 0;
                    worse += p.direction() < 0 ? 1 : 0;
                    change += p.change();
                }
            }
            out.add(new CohortRow(list.get(0).kind(), list.get(0).intervention(),
                    (int) list.stream().map(Provision::studentId).distinct().count(),
                    list.stream().mapToInt(Provision::attended).sum(), list.stream().mapToInt(Provision::missed).sum(),
                    list.stream().mapToLong(Provision::minutes).sum(),
                    list.stream().mapToLong(Provision::costPence).sum(), scored, improved, same, worse,
                    scored == 0 ? null : Math.round(10.0 * change / scored) / 10.0));
        });
        return out;
    }
}
