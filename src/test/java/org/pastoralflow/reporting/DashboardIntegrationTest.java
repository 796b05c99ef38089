package org.pastoralflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.attendance.AttendanceImporter;
import org.pastoralflow.attendance.AttendanceWeek;
import org.pastoralflow.attendance.AttendanceWeekRepository;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.documents.CsvExport;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentRepository;
import org.pastoralflow.investigation.IncidentStudent;
import org.pastoralflow.investigation.IncidentStudentRepository;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.referral.Stage;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.supportplan.Interventions;
import org.pastoralflow.supportplan.SupportPlan;
import org.pastoralflow.supportplan.SupportPlanRepository;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.SchoolTerm;
import org.pastoralflow.forms.Coded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every dashboard number checked against a count made here, independently, from the records
 * themselves (entities and the engine's task API, never the dashboards' SQL), over data this test
 * seeds on top of whatever other tests left; each table's page, chart source and CSV saying the
 * same; and each role counting only what it may read.
 */
@PostgresIntegrationTest
class DashboardIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));
    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
    static final Viewer DSL = new Viewer("dsl", "Dee", Set.of("staff", "dsl"));
    static final Viewer PSO = new Viewer("pso", "Pat", Set.of("staff", "pso"));
    static final Viewer SENCO = new Viewer("senco", "Sam", Set.of("staff", "senco"));
    static final List<Viewer> VIEWERS = List.of(LEAD, DSL, PSO, SENCO);

    @LocalServerPort int port;
    @Autowired Dashboards dashboards;
    @Autowired Filters filters;
    @Autowired ReportingSettings settings;
    @Autowired ReferralService referralService;
    @Autowired ReferralRepository referrals;
    @Autowired StudentRepository students;
    @Autowired AttendanceWeekRepository weeks;
    @Autowired AttendanceImporter importer;
    @Autowired IncidentLog investigations;
    @Autowired IncidentRepository incidents;
    @Autowired IncidentStudentRepository involved;
    @Autowired SupportPlans supportPlans;
    @Autowired SupportPlanRepository plans;
    @Autowired TaskService tasks;

    SchoolTerm term;

    @BeforeEach
    void theCurrentTerm() {
        term = filters.currentTerm().orElseThrow();
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ seeding

    List<Student> ofYear(int year, int skip, int n) {
        return students.findAll().stream().filter(s -> s.getYearGroup() == year)
                .sorted(java.util.Comparator.comparing(Student::getUpn)).skip(skip).limit(n).toList();
    }

    void raise(Student s, String category) {
        referralService.raise(new FormData(Map.of("studentId", s.getId().toString(), "category", category,
                "description", "Dashboard test " + System.nanoTime(), "occurredAt", JustNow.dateTime())), TEACHER);
    }

    /** An incident on a day of this term at a time and place, through the investigation service as the page does it. */
    void incident(String type, LocalDate on, String time, String place, boolean safeguarding, Student... who) {
        Map<String, String> form = new HashMap<>(Map.of("occurredOn", on.toString(), "occurredTime", time, "location", place,
                "type", type, "description", "Dashboard incident " + System.nanoTime()));
        if (safeguarding) {
            form.put("safeguardingIndicator", "true");
        }
        for (int i = 0; i < who.length; i++) {
            form.put("upn-" + i, who[i].getUpn());
            form.put("part-" + i, i == 0 ? "alleged-perpetrator" : "target");
        }
        investigations.log(new FormData(form), TEACHER);
    }

    SupportPlan plan(Student s, String owner, List<String> interventions, int baseline, Integer end) {
        SupportPlan p = supportPlans.start(s.getId(), null, owner, new SupportPlans.SupportPlanInput("Dashboard goals",
                interventions, "plan-score", "Wellbeing", baseline, true, "Phone"), LEAD);
        if (end != null) {
            supportPlans.close(p, end, LEAD);
        }
        return p;
    }

    LocalDate aDayThisTerm() {
        LocalDate d = LocalDate.now(LONDON).minusDays(3);
        return d.isBefore(term.getStartsOn()) ? term.getStartsOn() : d;
    }

    // ------------------------------------------------------------------ the counts made here

    static boolean matches(Student s, DashboardFilter f) {
        return (f.yearGroup() == null || s.getYearGroup() == f.yearGroup())
                && (f.tutorGroup() == null || f.tutorGroup().equals(s.getRegGroup()))
                && (!f.sen() || !"N".equals(s.getSenStatus()))
                && (!f.fsm() || s.isFsm()) && (!f.eal() || s.isEal()) && (!f.inCare() || s.isInCare());
    }

    Map<Long, Student> studentsById() {
        return students.findAll().stream().collect(Collectors.toMap(Student::getId, Function.identity()));
    }

    /** Incidents the viewer may count under the filter, each with the students involved. */
    Map<Incident, List<Student>> expectedIncidents(DashboardFilter f, Viewer v) {
        Map<Long, Student> byId = studentsById();
        Map<Long, List<Student>> studentsOf = new HashMap<>();
        for (IncidentStudent x : involved.findAll()) {
            studentsOf.computeIfAbsent(x.getIncidentId(), k -> new ArrayList<>()).add(byId.get(x.getStudentId()));
        }
        Map<Incident, List<Student>> counted = new LinkedHashMap<>();
        for (Incident i : incidents.findAll()) {
            boolean inPeriod = !i.getOccurredAt().isBefore(f.from()) && i.getOccurredAt().isBefore(f.until());
            boolean mayRead = !i.isSafeguarding() || v.groups().contains("dsl");
            List<Student> who = studentsOf.getOrDefault(i.getId(), List.of());
            if (inPeriod && mayRead && who.stream().anyMatch(s -> matches(s, f))) {
                counted.put(i, who);
            }
        }
        return counted;
    }

    static Map<String, Long> column(Table t, int col) {
        Map<String, Long> m = new TreeMap<>();
        t.rows().forEach(r -> {
            long n = ((Number) r.get(col)).longValue();
            if (n > 0) {
                m.put(String.valueOf(r.get(0)), n);
            }
        });
        return m;
    }

    static Map<String, Long> nonZero(Map<String, Long> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    void assertIncidentDashboards(DashboardFilter f, Viewer v) {
        Map<Incident, List<Student>> expected = expectedIncidents(f, v);

        Map<String, Long> byType = new TreeMap<>();
        expected.keySet().forEach(i -> byType.merge(i.incidentType().label(), 1L, Long::sum));
        assertThat(column(dashboards.table("incidents-type", f, v), 1)).as("by type, %s", v.userId()).isEqualTo(byType);

        List<ReportingSettings.DayPart> parts = settings.parts();
        Map<String, Long> byPart = new TreeMap<>();
        for (Incident i : expected.keySet()) {
            LocalTime local = i.getOccurredAt().atZone(LONDON).toLocalTime();
            int p = 0;
            for (int k = 0; k < parts.size(); k++) {
                if (!local.isBefore(parts.get(k).starts())) {
                    p = k;
                }
            }
            String label = parts.get(p).label() + " (" + parts.get(p).starts() + (p + 1 < parts.size() ? "–" + parts.get(p + 1).starts() : " on") + ")";
            byPart.merge(label, 1L, Long::sum);
        }
        assertThat(column(dashboards.table("incidents-time", f, v), 1)).as("by time of day, %s", v.userId()).isEqualTo(byPart);

        Map<String, Long> byYear = new TreeMap<>();
        for (Map.Entry<Incident, List<Student>> e : expected.entrySet()) {
            e.getValue().stream().filter(s -> matches(s, f)).map(Student::getYearGroup).distinct()
                    .forEach(y -> byYear.merge("Year " + y, 1L, Long::sum));
        }
        assertThat(column(dashboards.table("incidents-year", f, v), 1)).as("by year group, %s", v.userId()).isEqualTo(byYear);

        Map<String, Long> byPlace = new HashMap<>();
        expected.keySet().forEach(i -> byPlace.merge(i.getLocation().trim().toLowerCase(), 1L, Long::sum));
        Table places = dashboards.table("incidents-location", f, v);
        long named = 0;
        for (List<Object> row : places.rows()) {
            String place = String.valueOf(row.get(0));
            if (!place.equals("Everywhere else")) {
                assertThat(((Number) row.get(1)).longValue()).as("place %s", place).isEqualTo(byPlace.get(place.toLowerCase()));
                named++;
            }
        }
        assertThat(named).isEqualTo(Math.min(byPlace.size(), settings.topLocations()));
        long total = places.rows().stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
        assertThat(total).as("every incident in one place row").isEqualTo(expected.size());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void incidentsAreCountedByTypePlaceTimeAndYearAsTheViewerMaySeeThem() {
        List<Student> y8 = ofYear(8, 60, 4);
        List<Student> y9 = ofYear(9, 60, 2);
        LocalDate day = aDayThisTerm();
        incident("fight", day, "12:50", "Dining hall", false, y8.get(0), y8.get(1));
        incident("fight", day, "12:55", "  dining HALL ", false, y8.get(2));
        incident("bullying", day, "08:10", "Bus bay", false, y8.get(3), y9.get(0));
        incident("harmful-sexual-behaviour", day, "15:30", "Changing rooms", false, y8.get(0));
        incident("online", day, "10:45", "Dining hall", true, y9.get(1));

        Map<String, String> termYear8 = Map.of("term", term.getId().toString(), "year", "8");
        for (Viewer v : VIEWERS) {
            assertIncidentDashboards(filters.read(Map.of()), v);
            assertIncidentDashboards(filters.read(termYear8), v);
            assertIncidentDashboards(filters.read(Map.of("term", term.getId().toString(), "fsm", "true")), v);
            assertIncidentDashboards(filters.read(Map.of("term", term.getId().toString(), "group", y8.get(0).getRegGroup())), v);
        }
        DashboardFilter f = filters.read(termYear8);
        long forDsl = column(dashboards.table("incidents-type", f, DSL), 1).getOrDefault("Harmful sexual behaviour", 0L);
        assertThat(forDsl).isPositive();
        assertThat(column(dashboards.table("incidents-type", f, LEAD), 1)).doesNotContainKey("Harmful sexual behaviour");
        assertThat(column(dashboards.table("incidents-time", f, DSL), 1).values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThan(column(dashboards.table("incidents-time", f, PSO), 1).values().stream().mapToLong(Long::longValue).sum());
    }

    /** The referrals a viewer should count: open now (no term) or raised in the term (any stage). */
    Map<String, Long> expectedReferrals(DashboardFilter f, Viewer viewer) {
        Map<Long, Student> byId = studentsById();
        Map<String, Long> totals = new TreeMap<>();
        for (Referral r : referrals.findAll()) {
            boolean inScope = f.termChosen()
                    ? !r.getRaisedAt().isBefore(f.from()) && r.getRaisedAt().isBefore(f.until())
                    : r.getStage() != Stage.CLOSED;
            if (inScope && matches(byId.get(r.getStudentId()), f)
                    && org.pastoralflow.security.AccessPolicy.levels(viewer).contains(r.getConfidentiality())) {
                totals.merge(Coded.labelOf(ReferralCategory.class, r.getCategory()), 1L, Long::sum);
            }
        }
        return totals;
    }

    @Test
    void referralsAreCountedAsTheViewerMaySeeThem() {
        List<Student> year9 = ofYear(9, 0, 3);
        raise(year9.get(0), "welfare");
        raise(year9.get(1), "behaviour");
        raise(year9.get(2), "safeguarding");

        for (Viewer v : VIEWERS) {
            for (Map<String, String> p : List.of(Map.of("year", "9"), Map.of("term", term.getId().toString(), "year", "9"),
                    Map.of("term", term.getId().toString(), "eal", "true"), Map.<String, String>of())) {
                DashboardFilter f = filters.read(p);
                Table t = dashboards.table("referrals", f, v);
                int total = t.columns().size() - 1;
                assertThat(column(t, total)).as("%s %s", v.userId(), p).isEqualTo(expectedReferrals(f, v));
            }
        }
        DashboardFilter f = filters.read(Map.of("year", "9"));
        Map<String, Long> lead = column(dashboards.table("referrals", f, LEAD), 8);
        Map<String, Long> dsl = column(dashboards.table("referrals", f, DSL), 8);
        assertThat(dsl.getOrDefault("Safeguarding", 0L)).isGreaterThan(lead.getOrDefault("Safeguarding", 0L));
        assertThat(dashboards.table("referrals", filters.read(Map.of("term", term.getId().toString())), LEAD).columns())
                .as("a term's referrals include those closed since").contains("Closed");
    }

    @Test
    void attendanceBandsMatchTheWeeksImported() throws Exception {
        List<Student> year10 = ofYear(10, 40, 3);
        LocalDate monday = LocalDate.now(LONDON).with(java.time.DayOfWeek.MONDAY).minusWeeks(2);
        if (monday.isBefore(term.getStartsOn())) {
            monday = term.getStartsOn().with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        }
        String header = "UPN,Week Commencing,Possible Sessions,Attended Sessions,Authorised Absence,Unauthorised Absence,Late Before Registers Closed\n";
        importer.importCsv(new java.io.ByteArrayInputStream((header
                + year10.get(0).getUpn() + "," + monday + ",10,10,0,0,0\n"
                + year10.get(1).getUpn() + "," + monday + ",10,7,1,2,0\n"
                + year10.get(2).getUpn() + "," + monday + ",10,3,2,5,0\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), "lead");

        for (Map<String, String> p : List.of(Map.of("year", "10"), Map.of("term", term.getId().toString(), "year", "10"),
                Map.of("term", term.getId().toString(), "sen", "true"))) {
            DashboardFilter f = filters.read(p);
            Map<Long, Student> byId = studentsById();
            Map<Long, int[]> sums = new HashMap<>();
            for (AttendanceWeek w : weeks.findAll()) {
                if (!w.getWeekCommencing().isBefore(f.firstDay()) && !w.getWeekCommencing().isAfter(f.lastDay())
                        && matches(byId.get(w.getStudentId()), f)) {
                    int[] s = sums.computeIfAbsent(w.getStudentId(), k -> new int[2]);
                    s[0] += w.getPossibleSessions();
                    s[1] += w.getAttendedSessions();
                }
            }
            long[] expected = new long[4];
            sums.values().forEach(s -> expected[AttendanceDashboard.band(s[0] == 0 ? 100.0 : 100.0 * s[1] / s[0])]++);
            Table t = dashboards.table("attendance", f, PSO);
            for (int i = 0; i < 4; i++) {
                assertThat(t.rows().get(i).get(1)).as("%s %s", AttendanceDashboard.BANDS.get(i), p).isEqualTo(expected[i]);
            }
        }
        Table bands = dashboards.table("attendance", filters.read(Map.of("year", "10")), PSO);
        assertThat(bands.rows().stream().mapToLong(r -> (Long) r.get(1)).sum()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void interventionsCountThePlansNamingEachCatalogueEntryThatTheViewerMayRead() {
        List<Student> y11 = ofYear(11, 70, 4);
        plan(y11.get(0), "pso", List.of("mentoring"), 40, 70);
        plan(y11.get(1), "pso", List.of("mentoring", "check-ins"), 30, 50);
        plan(y11.get(2), "senco", List.of("elsa"), 20, 45);
        plan(y11.get(3), "pso", List.of("thrive"), 55, null);

        for (Viewer v : VIEWERS) {
            for (Map<String, String> p : List.of(Map.<String, String>of(), Map.of("term", term.getId().toString(), "year", "11"),
                    Map.of("year", "11", "fsm", "true"))) {
                DashboardFilter f = filters.read(p);
                Map<Long, Student> byId = studentsById();
                Map<String, Long> expected = new TreeMap<>();
                for (SupportPlan plan : plans.findAll()) {
                    boolean running = !plan.getStartedOn().isAfter(f.lastDay())
                            && (plan.getClosedOn() == null || !plan.getClosedOn().isBefore(f.firstDay()));
                    if (!running || !org.pastoralflow.security.AccessPolicy.levels(v).contains(plan.getConfidentiality()) || !matches(byId.get(plan.getStudentId()), f)) {
                        continue;
                    }
                    for (String code : plan.interventionCodes()) {
                        expected.merge(Interventions.label(code), 1L, Long::sum);
                    }
                }
                // the catalogue's view (intervention.InterventionDashboard): plans naming each entry in its last column
                Table t = dashboards.table("interventions", f, v);
                int plansColumn = t.columns().indexOf("Support plans naming it");
                Map<String, Object> shown = new TreeMap<>();
                t.rows().stream().filter(r -> ((Number) r.get(plansColumn)).longValue() > 0).forEach(r -> shown.put((String) r.get(0), r.get(plansColumn)));
                assertThat(shown).as("%s %s", v.userId(), p).isEqualTo(new TreeMap<String, Object>(expected));
            }
        }
        DashboardFilter y11Only = filters.read(Map.of("year", "11"));
        assertThat(column(dashboards.table("interventions", y11Only, SENCO), 9)).containsKey("ELSA");
        assertThat(column(dashboards.table("interventions", y11Only, PSO), 9).getOrDefault("ELSA", 0L))
                .as("a SEN plan is not a PSO's to count")
                .isLessThan(column(dashboards.table("interventions", y11Only, SENCO), 9).get("ELSA"));
    }

    /** Overdue tasks by group, as the engine's own task API counts them, leaving out the DSL's for others. */
    Map<String, Long> expectedOverdueByGroup(Viewer viewer, Integer year) {
        Map<Long, Student> byId = studentsById();
        Map<String, Long> expected = new TreeMap<>();
        for (Task t : tasks.createTaskQuery().dueBefore(new Date()).list()) {
            List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).distinct().toList();
            if (groups.contains("dsl") && !viewer.groups().contains("dsl")) {
                continue;
            }
            if (year != null) {
                Object local = tasks.getVariableLocal(t.getId(), "taskStudentId");
                Object id = local instanceof Long ? local : tasks.getVariable(t.getId(), "studentId");
                if (!(id instanceof Long sid) || byId.get(sid) == null || byId.get(sid).getYearGroup() != year) {
                    continue;
                }
            }
            groups.forEach(g -> expected.merge(g, 1L, Long::sum));
        }
        return expected;
    }

    @Test
    void overdueTasksAreCountedByGroupAsTheEngineCountsThem() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(40, ChronoUnit.DAYS)));
        raise(ofYear(7, 0, 1).get(0), "safeguarding");
        raise(ofYear(7, 1, 1).get(0), "welfare");
        ClockUtil.reset();
        for (Viewer v : List.of(DSL, LEAD)) {
            assertThat(nonZero(column(dashboards.table("overdue-groups", filters.read(Map.of()), v), 1)))
                    .as("all years, %s", v.userId()).isEqualTo(expectedOverdueByGroup(v, null));
            assertThat(nonZero(column(dashboards.table("overdue-groups", filters.read(Map.of("year", "7")), v), 1)))
                    .as("year 7, %s", v.userId()).isEqualTo(expectedOverdueByGroup(v, 7));
        }
        assertThat(column(dashboards.table("overdue-groups", filters.read(Map.of()), DSL), 1).get("dsl")).isPositive();
        assertThat(column(dashboards.table("overdue-groups", filters.read(Map.of()), LEAD), 1)).doesNotContainKey("dsl");
    }

    @Test
    void thePageTheChartAndTheCsvShowTheSameNumbers() throws Exception {
        incident("damage", aDayThisTerm(), "13:45", "Art room", false, ofYear(9, 80, 1).get(0));
        HttpUser lead = HttpUser.signedIn(port, "lead");
        for (String query : List.of("?year=9", "?term=" + term.getId() + "&year=9&fsm=true", "")) {
            String page = lead.get("/dashboards" + query).body();
            Map<String, String> params = new HashMap<>();
            if (!query.isEmpty()) {
                for (String kv : query.substring(1).split("&")) {
                    params.put(kv.split("=")[0], kv.split("=")[1]);
                }
            }
            DashboardFilter f = filters.read(params);
            for (String name : dashboards.names()) {
                Table t = dashboards.table(name, f, LEAD);
                List<List<String>> expected = new ArrayList<>();
                t.rows().forEach(r -> expected.add(r.stream().map(String::valueOf).toList()));
                // the CSV writes the same, with text a spreadsheet would run as a formula neutralised
                List<List<String>> expectedCsv = new ArrayList<>();
                t.rows().forEach(r -> expectedCsv.add(r.stream()
                        .map(v -> v instanceof Number ? String.valueOf(v) : CsvExport.neutralised(String.valueOf(v))).toList()));

                List<List<String>> csv = new ArrayList<>();
                var response = lead.get("/dashboards/" + name + ".csv" + query);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(response.body()))) {
                    csv.add(rec.toList());
                }
                assertThat(response.body()).as("UTF-8 with a byte-order mark, for Excel").startsWith("\uFEFF");
                assertThat(csv).as("CSV of %s %s", name, query).isEqualTo(expectedCsv);

                int at = page.indexOf("id=\"" + name + "-table\"");
                assertThat(at).as("table %s on the page", name).isPositive();
                String html = page.substring(at, page.indexOf("</table>", at));
                List<List<String>> shown = new ArrayList<>();
                Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(html.substring(html.indexOf("<tbody>")));
                while (row.find()) {
                    List<String> cells = new ArrayList<>();
                    Matcher cell = Pattern.compile("<td>(.*?)</td>").matcher(row.group(1));
                    while (cell.find()) {
                        cells.add(cell.group(1).replace("&amp;", "&").replace("&#39;", "'"));
                    }
                    shown.add(cells);
                }
                assertThat(shown).as("page table of %s %s", name, query).isEqualTo(expected);
            }
        }
        assertThat(HttpUser.signedIn(port, "teacher").get("/dashboards").statusCode()).isEqualTo(403);
        assertThat(lead.get("/dashboards?term=999999").statusCode()).isEqualTo(400);
    }
}
