package org.pastoralflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which students' files a caseworker may open, by year group (domain: a PSO is "attached to a year
 * group", a Head of Year "leads one year group"). A member of {@code pso} or {@code hoy} with year
 * groups recorded works with those years only; with none recorded, with the whole school. The DSL,
 * SENCO, Pastoral Lead and SLT groups work across the school, and so does anyone who is in one of
 * them as well (a PSO who is also a deputy DSL).
 */
@Service
public class YearGroupScope {

    /** Groups whose work is the whole school, whatever else their members are. */
    static final List<Group> WHOLE_SCHOOL = List.of(Group.DSL, Group.SENCO, Group.PASTORAL_LEAD, Group.SLT, Group.ADMIN);

    /** The years someone may open, or every year. */
    public record Scope(Set<Integer> years) {

        public static final Scope WHOLE = new Scope(null);

        public boolean wholeSchool() {
            return years == null;
        }

        public boolean allows(int yearGroup) {
            return years == null || years.contains(yearGroup);
        }

        /** "Year 8", "Years 8 and 9", "Years 7, 8 and 9", or "the whole school". */
        public String describe() {
            return years == null ? "the whole school" : YearGroupScope.describe(years);
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditLog audit;

    YearGroupScope(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Scope of(Viewer viewer) {
        if (WHOLE_SCHOOL.stream().anyMatch(viewer::in) || !viewer.inAny(Group.PSO, Group.HOY)) {
            return Scope.WHOLE;
        }
        Set<Integer> years = yearsOf(viewer.userId());
        return years.isEmpty() ? Scope.WHOLE : new Scope(Set.copyOf(years));
    }

    /** Passes when the viewer's year groups include this year; otherwise a refusal that says why. */
    public void check(int yearGroup, Viewer viewer) {
        Scope scope = of(viewer);
        if (!scope.allows(yearGroup)) {
            throw new OutsideYearGroupsException(scope);
        }
    }

    /** The same check for a student known by id (a chronology entry's, a process's); an unknown id passes, to be answered 404 by the caller. */
    @Transactional(readOnly = true)
    public void checkStudent(Long studentId, Viewer viewer) {
        Scope scope = of(viewer);
        if (scope.wholeSchool() || studentId == null) {
            return;
        }
        List<Integer> year = jdbc.queryForList("select year_group from student where id = ?", Integer.class, studentId);
        if (!year.isEmpty() && !scope.years().contains(year.get(0))) {
            throw new OutsideYearGroupsException(scope);
        }
    }

    /**
     * For a record about several students (an incident, a mediation): open to the viewer when any of
     * them is in their year groups, so an investigation across two years is open to both years' staff.
     */
    @Transactional(readOnly = true)
    public void checkAny(Collection<Long> studentIds, Viewer viewer) {
        Scope scope = of(viewer);
        if (scope.wholeSchool() || studentIds.isEmpty()) {
            return;
        }
        Integer inScope = named.queryForObject(
                "select count(*) from student where id in (:ids) and year_group in (:years)",
                Map.of("ids", List.copyOf(studentIds), "years", List.copyOf(scope.years())), Integer.class);
        if (inScope == null || inScope == 0) {
            throw new OutsideYearGroupsException(scope);
        }
    }

    @Transactional(readOnly = true)
    public Set<Integer> yearsOf(String userId) {
        return new TreeSet<>(jdbc.queryForList("select year_group from staff_year_group where user_id = ?", Integer.class, userId));
    }

    /** Everyone's recorded year groups, by user id. */
    @Transactional(readOnly = true)
    public Map<String, Set<Integer>> all() {
        Map<String, Set<Integer>> byUser = new TreeMap<>();
        jdbc.query("select user_id, year_group from staff_year_group", rs -> {
            byUser.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getInt(2));
        });
        return byUser;
    }

    /**
     * Sets the year groups of each of these people (none: the whole school), all in one transaction,
     * with an audit event for each one whose years change. Returns who changed.
     */
    @Transactional
    public List<String> replace(Map<String, ? extends Collection<Integer>> yearsByUser, String actor) {
        Map<String, Set<Integer>> before = all();
        List<String> changed = new java.util.ArrayList<>();
        yearsByUser.forEach((user, wanted) -> {
            Set<Integer> years = new TreeSet<>(wanted);
            Set<Integer> was = before.getOrDefault(user, Set.of());
            if (years.equals(was)) {
                return;
            }
            jdbc.update("delete from staff_year_group where user_id = ?", user);
            jdbc.batchUpdate("insert into staff_year_group (user_id, year_group) values (?, ?)",
                    years.stream().map(y -> new Object[] {user, y}).toList());
            audit.record(actor, "CHANGE", "year-groups", null, null, user + ": " + describeOrWhole(was) + " → " + describeOrWhole(years));
            changed.add(user);
        });
        return changed;
    }

    private static String describeOrWhole(Set<Integer> years) {
        return years.isEmpty() ? "the whole school" : describe(years);
    }

    static String describe(Collection<Integer> years) {
        List<String> sorted = new TreeSet<>(years).stream().map(String::valueOf).toList();
        if (sorted.size() == 1) {
            return "Year " + sorted.get(0);
        }
        return "Years " + sorted.subList(0, sorted.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + sorted.get(sorted.size() - 1);
    }
}
