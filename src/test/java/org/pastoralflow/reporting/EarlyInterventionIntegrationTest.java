package org.pastoralflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pastoralflow.attendance.AttendanceImporter;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The early-intervention rules as configured (3 incidents in 2 school weeks as target or alleged
 * perpetrator; attendance 5 points down over 4 weeks; a new concern while on a support plan), each
 * crossed and not crossed by students seeded here; the evidence as each role may read it; and the
 * one-click concern that goes through the ordinary referral route.
 */
@PostgresIntegrationTest
class EarlyInterventionIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));
    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
    static final Viewer DSL = new Viewer("dsl", "Dee", Set.of("staff", "dsl"));

    @LocalServerPort int port;
    @Autowired EarlyIntervention earlyIntervention;
    @Autowired Filters filters;
    @Autowired StudentRepository students;
    @Autowired IncidentLog investigations;
    @Autowired ReferralService referralService;
    @Autowired ReferralRepository referrals;
    @Autowired SupportPlans plans;
    @Autowired AttendanceImporter importer;
    @Autowired AuditRepository audit;

    Student demo(int year, int skip) {
        return students.findAll().stream().filter(s -> s.getYearGroup() == year).sorted(Comparator.comparing(Student::getUpn))
                .skip(skip).findFirst().orElseThrow();
    }

    Incident incident(String type, String part, Student s) {
        return investigations.log(new FormData(Map.of("occurredOn", JustNow.date(), "occurredTime", JustNow.time(),
                "location", "Corridor", "type", type, "description", "Early intervention test " + System.nanoTime(),
                "upn-0", s.getUpn(), "part-0", part)), TEACHER);
    }

    Optional<EarlyIntervention.Listed> listed(Student s, Viewer v) {
        return earlyIntervention.list(filters.read(Map.of("year", String.valueOf(s.getYearGroup()))), v).stream()
                .filter(l -> l.student().getId().equals(s.getId())).findFirst();
    }

    List<String> rules(Student s, Viewer v) {
        return listed(s, v).map(l -> l.evidence().stream().map(EarlyIntervention.Evidence::rule).toList()).orElse(List.of());
    }

    @Test
    void threeIncidentsInTwoSchoolWeeksListAStudentWithTheIncidentsAsEvidence() {
        Student three = demo(8, 100);
        Student two = demo(8, 101);
        Student witness = demo(8, 102);
        List<String> refs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refs.add(incident("fight", i == 1 ? "target" : "alleged-perpetrator", three).getReference());
            incident("fight", "witness", witness);
        }
        incident("bullying", "alleged-perpetrator", two);
        incident("bullying", "alleged-perpetrator", two);

        EarlyIntervention.Listed l = listed(three, LEAD).orElseThrow();
        assertThat(l.evidence()).extracting(EarlyIntervention.Evidence::rule).containsExactly(EarlyIntervention.INCIDENTS);
        assertThat(l.evidence().get(0).details()).hasSize(3).allSatisfy(d -> assertThat(refs.stream().anyMatch(d::startsWith)).isTrue());
        assertThat(rules(two, LEAD)).isEmpty();
        assertThat(rules(witness, LEAD)).as("a witness is not counted").isEmpty();
        assertThat(earlyIntervention.list(filters.read(Map.of("year", "9")), LEAD)).noneMatch(x -> x.student().getId().equals(three.getId()));
    }

    @Test
    void aSafeguardingIncidentCountsOnlyForTheDslAndTheirViewIsAudited() {
        Student s = demo(8, 103);
        incident("fight", "alleged-perpetrator", s);
        incident("online", "alleged-perpetrator", s);
        Incident hsb = incident("harmful-sexual-behaviour", "alleged-perpetrator", s);

        assertThat(rules(s, LEAD)).doesNotContain(EarlyIntervention.INCIDENTS);
        long before = audit.findByRecordTypeAndRecordId("incident", hsb.getId()).size();
        assertThat(rules(s, DSL)).contains(EarlyIntervention.INCIDENTS);
        assertThat(audit.findByRecordTypeAndRecordId("incident", hsb.getId())).hasSize((int) before + 1)
                .last().satisfies(e -> assertThat(e.getActor()).isEqualTo("dsl"));
    }

    @Test
    void attendanceFallingByFivePointsOverFourWeeksListsAStudent() throws Exception {
        Student falling = demo(9, 100);
        Student steady = demo(9, 101);
        LocalDate lastMonday = LocalDate.now(LONDON).with(DayOfWeek.MONDAY).minusWeeks(1);
        // the MIS exports one week per file
        for (int k : new int[] {6, 5, 4, 2, 1, 0}) {
            String week = lastMonday.minusWeeks(k).toString();
            String csv = "UPN,Week Commencing,Possible Sessions,Attended Sessions,Authorised Absence,Unauthorised Absence,Late Before Registers Closed\n"
                    + falling.getUpn() + "," + week + (k <= 2 ? ",10,8,1,1,0\n" : ",10,10,0,0,0\n")
                    + steady.getUpn() + "," + week + ",10,10,0,0,0\n";
            assertThat(importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "lead").report().accepted())
                    .as("week %s", week).isTrue();
        }

        EarlyIntervention.Listed l = listed(falling, LEAD).orElseThrow();
        assertThat(l.evidence()).extracting(EarlyIntervention.Evidence::rule).contains(EarlyIntervention.ATTENDANCE);
        assertThat(l.evidence().stream().filter(e -> e.rule().equals(EarlyIntervention.ATTENDANCE)).findFirst().orElseThrow().title())
                .contains("fell 20.0 points").contains("100.0 %").contains("80.0 %");
        assertThat(rules(steady, LEAD)).doesNotContain(EarlyIntervention.ATTENDANCE);
    }

    @Test
    void aNewConcernWhileOnASupportPlanListsAStudentAndOneClickRaisesAReferral() {
        Student onPlan = demo(10, 100);
        Student noPlan = demo(10, 101);
        plans.start(onPlan.getId(), null, "pso", new SupportPlans.SupportPlanInput("Settle at lunch", List.of("mentoring"),
                "plan-score", "Wellbeing", 40, true, "Phone"), LEAD);
        Referral concern = referralService.raise(new FormData(Map.of("studentId", onPlan.getId().toString(), "category", "welfare",
                "description", "Upset again at lunch", "occurredAt", "2026-11-20T10:00")), TEACHER);
        referralService.raise(new FormData(Map.of("studentId", noPlan.getId().toString(), "category", "welfare",
                "description", "Upset at lunch", "occurredAt", "2026-11-20T10:00")), TEACHER);

        assertThat(rules(onPlan, LEAD)).contains(EarlyIntervention.CONCERN_ON_PLAN);
        assertThat(rules(noPlan, LEAD)).doesNotContain(EarlyIntervention.CONCERN_ON_PLAN);

        HttpUser lead = HttpUser.signedIn(port, "lead");
        String list = lead.get("/early-intervention?year=10").body();
        assertThat(list).contains(HtmlUtils.htmlEscape(onPlan.displayName())).contains(concern.getReference())
                .contains("/early-intervention/" + onPlan.getId() + "/concern");

        String form = lead.get("/early-intervention/" + onPlan.getId() + "/concern").body();
        assertThat(form).contains("Raise a concern about").contains("On the early-intervention list").contains(concern.getReference());
        Matcher selected = Pattern.compile("<option value=\"(\\w+)\" selected").matcher(form);
        assertThat(selected.find()).isTrue();
        assertThat(selected.group(1)).isEqualTo("welfare");
        Matcher description = Pattern.compile("<textarea id=\"description\" name=\"description\"[^>]*>([^<]*)</textarea>").matcher(form);
        assertThat(description.find()).isTrue();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();

        long before = referrals.findByStudentIdOrderByRaisedAtDesc(onPlan.getId()).size();
        Map<String, String> post = new HashMap<>(Map.of("studentId", onPlan.getId().toString(), "category", "welfare",
                "description", HtmlUtils.htmlUnescape(description.group(1)), "occurredAt", "2026-11-30T09:00"));
        var answer = lead.postWithToken("/referrals", post, token.group(1));
        assertThat(answer.statusCode()).isEqualTo(302);
        List<Referral> now = referrals.findByStudentIdOrderByRaisedAtDesc(onPlan.getId());
        assertThat(now).hasSize((int) before + 1);
        assertThat(now.get(0).getDescription()).startsWith("On the early-intervention list").contains(concern.getReference());
        assertThat(now.get(0).getProcessInstanceId()).as("raised through the referral workflow").isNotNull();

        assertThat(lead.get("/early-intervention/" + demo(10, 102).getId() + "/concern").statusCode())
                .as("a student not on the list").isEqualTo(404);
    }
}
