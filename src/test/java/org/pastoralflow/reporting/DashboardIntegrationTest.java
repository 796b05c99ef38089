package org.pastoralflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.attendance.AttendanceWeek;
import org.pastoralflow.attendance.AttendanceWeekRepository;
import org.pastoralflow.casefile.Confidentiality;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.referral.Stage;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.workflow.FormData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every dashboard number checked against a count made here, independently, from the records
 * themselves; and each table's page, chart source and CSV saying the same.
 */
@PostgresIntegrationTest
class DashboardIntegrationTest {

    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));
    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
    static final Viewer DSL = new Viewer("dsl", "Dee", Set.of("staff", "dsl"));

    @LocalServerPort int port;
    @Autowired Dashboards dashboards;
    @Autowired ReferralService referralService;
    @Autowired ReferralRepository referrals;
    @Autowired StudentRepository students;
    @Autowired AttendanceWeekRepository weeks;
    @Autowired TaskService tasks;
    @Autowired org.pastoralflow.attendance.AttendanceImporter importer;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    void raise(Student s, String category) {
        referralService.raise(new FormData(Map.of("studentId", s.getId().toString(), "category", category,
                "description", "Dashboard test " + System.nanoTime(), "occurredAt", "2026-11-19T09:00")), TEACHER);
    }

    /** The count a Pastoral Lead or DSL should see, worked out from the referrals themselves. */
    Map<String, Long> expectedTotals(Viewer viewer, int year) {
        Map<Long, Integer> yearOf = new HashMap<>();
        students.findAll().forEach(s -> yearOf.put(s.getId(), s.getYearGroup()));
        Map<String, Long> totals = new HashMap<>();
        for (Referral r : referrals.findAll()) {
            if (r.getStage() != Stage.CLOSED && yearOf.get(r.getStudentId()) == year
                    && Confidentiality.forGroup(r.getRoute() == null ? "pso" : r.getRoute()).visibleTo(viewer)) {
                totals.merge(ReferralCategory.options().get(r.getCategory()), 1L, Long::sum);
            }
        }
        return totals;
    }

    static Map<String, Long> totalsOf(Table t) {
        Map<String, Long> totals = new HashMap<>();
        t.rows().forEach(r -> {
            long total = ((Number) r.get(r.size() - 1)).longValue();
            if (total > 0) {
                totals.put((String) r.get(0), total);
            }
        });
        return totals;
    }

    @Test
    void openReferralsAreCountedAsTheViewerMaySeeThem() {
        List<Student> year9 = students.findAll().stream().filter(s -> s.getYearGroup() == 9).limit(3).toList();
        raise(year9.get(0), "welfare");
        raise(year9.get(1), "behaviour");
        raise(year9.get(2), "safeguarding");

        Map<String, Long> lead = totalsOf(dashboards.openReferrals(LEAD, 9));
        Map<String, Long> dsl = totalsOf(dashboards.openReferrals(DSL, 9));
        assertThat(lead).isEqualTo(expectedTotals(LEAD, 9));
        assertThat(dsl).isEqualTo(expectedTotals(DSL, 9));
        assertThat(dsl.getOrDefault("Safeguarding", 0L)).isGreaterThan(lead.getOrDefault("Safeguarding", 0L));
    }

    @Test
    void attendanceBandsMatchTheWeeksImported() throws Exception {
        List<Student> year10 = students.findAll().stream().filter(s -> s.getYearGroup() == 10).skip(40).limit(3).toList();
        String header = "UPN,Week Commencing,Possible Sessions,Attended Sessions,Authorised Absence,Unauthorised Absence,Late Before Registers Closed\n";
        importer.importCsv(new java.io.ByteArrayInputStream((header
                + year10.get(0).getUpn() + ",2026-11-02,10,10,0,0,0\n"
                + year10.get(1).getUpn() + ",2026-11-02,10,7,1,2,0\n"
                + year10.get(2).getUpn() + ",2026-11-02,10,3,2,5,0\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), "lead");
        LocalDate start = LocalDate.of(LocalDate.now().getMonthValue() >= 9 ? LocalDate.now().getYear() : LocalDate.now().getYear() - 1, 9, 1);
        Map<Long, Integer> yearOf = new HashMap<>();
        students.findAll().forEach(s -> yearOf.put(s.getId(), s.getYearGroup()));
        Map<Long, int[]> sums = new HashMap<>();
        for (AttendanceWeek w : weeks.findAll()) {
            if (!w.getWeekCommencing().isBefore(start) && yearOf.get(w.getStudentId()) == 10) {
                int[] s = sums.computeIfAbsent(w.getStudentId(), k -> new int[2]);
                s[0] += w.getPossibleSessions();
                s[1] += w.getAttendedSessions();
            }
        }
        long[] expected = new long[4];
        sums.values().forEach(s -> expected[Dashboards.band(s[0] == 0 ? 100.0 : 100.0 * s[1] / s[0])]++);

        assertThat(sums).hasSizeGreaterThanOrEqualTo(3);
        Table t = dashboards.attendanceBands(10);
        for (int i = 0; i < 4; i++) {
            assertThat(t.rows().get(i).get(1)).as(Dashboards.BANDS.get(i)).isEqualTo(expected[i]);
        }
    }

    @Test
    void overdueTasksAreCountedByGroupAsTheEngineCountsThem() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(40, ChronoUnit.DAYS)));
        raise(students.findAll().stream().filter(s -> s.getYearGroup() == 7).findFirst().orElseThrow(), "safeguarding");
        ClockUtil.reset();
        Date now = new Date();
        Table t = dashboards.table("overdue-groups", DSL, null);
        Map<String, Object> byGroup = new HashMap<>();
        t.rows().forEach(r -> byGroup.put((String) r.get(0), r.get(1)));
        for (String group : List.of("dsl", "pso", "senco", "slt")) {
            long engine = tasks.createTaskQuery().taskCandidateGroup(group).dueBefore(now).count();
            assertThat(((Number) byGroup.getOrDefault(group, 0L)).longValue()).as(group).isEqualTo(engine);
        }
        assertThat(((Number) byGroup.get("dsl")).longValue()).isPositive();
    }

    @Test
    void thePageTheChartAndTheCsvShowTheSameNumbers() throws Exception {
        HttpUser lead = HttpUser.signedIn(port, "lead");
        String page = lead.get("/dashboards?year=9").body();
        for (String name : dashboards.names()) {
            Table t = dashboards.table(name, LEAD, 9);
            List<List<String>> expected = new ArrayList<>();
            t.rows().forEach(r -> expected.add(r.stream().map(String::valueOf).toList()));

            List<List<String>> csv = new ArrayList<>();
            String body = lead.get("/dashboards/" + name + ".csv?year=9").body();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))) {
                csv.add(rec.toList());
            }
            assertThat(csv).as("CSV of %s", name).isEqualTo(expected);

            int at = page.indexOf("id=\"" + name + "-table\"");
            assertThat(at).as("table %s on the page", name).isPositive();
            String html = page.substring(at, page.indexOf("</table>", at));
            List<List<String>> shown = new ArrayList<>();
            Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(html.substring(html.indexOf("<tbody>")));
            while (row.find()) {
                List<String> cells = new ArrayList<>();
                Matcher cell = Pattern.compile("<td>(.*?)</td>").matcher(row.group(1));
                while (cell.find()) {
                    cells.add(cell.group(1).replace("&amp;", "&"));
                }
                shown.add(cells);
            }
            assertThat(shown).as("page table of %s", name).isEqualTo(expected);
        }
        assertThat(HttpUser.signedIn(port, "teacher").get("/dashboards").statusCode()).isEqualTo(403);
    }
}
