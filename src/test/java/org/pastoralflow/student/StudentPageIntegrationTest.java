package org.pastoralflow.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The student page over HTTP: the chronology a page at a time with only the safeguarding entries
 * shown audited, its filters, the open workflows with the model served only to those who may see
 * the instance, and the students linked through an incident.
 */
@PostgresIntegrationTest
class StudentPageIntegrationTest {

    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));
    static final Pattern ENTRY = Pattern.compile("<p class=\"summary\"><a href=\"/chronology/(\\d+)\">");

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired AuditRepository audit;
    @Autowired ReferralService referrals;
    @Autowired IncidentLog investigations;

    Student demo(int year, int skip) {
        return students.findAll().stream().filter(s -> s.getYearGroup() == year).sorted(Comparator.comparing(Student::getUpn))
                .skip(skip).findFirst().orElseThrow();
    }

    static List<Long> shownEntries(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ENTRY.matcher(page);
        while (m.find()) {
            ids.add(Long.valueOf(m.group(1)));
        }
        return ids;
    }

    long safeguardingViews(Long studentId) {
        return audit.findAll().stream().filter(e -> studentId.equals(e.getStudentId()) && "VIEW".equals(e.getAction())
                && "student page".equals(e.getDetail())).count();
    }

    @Test
    void theChronologyIsShownFiftyAtATimeAndOnlyTheSafeguardingEntriesShownAreAudited() {
        Student s = demo(10, 90);
        Instant start = Instant.now().minus(200, ChronoUnit.DAYS);
        List<ChronologyEntry> made = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Confidentiality c = i % 4 == 0 ? Confidentiality.SAFEGUARDING : i % 4 == 1 ? Confidentiality.SEND : Confidentiality.PASTORAL;
            made.add(caseStore.record(new NewEntry(s.getId(), i % 3 == 0 ? EntryKind.NOTE : EntryKind.CONTACT_HOME, c,
                    start.plus(i, ChronoUnit.DAYS), "dsl", "Paged entry " + i, null, null, null)));
        }
        List<ChronologyEntry> newestFirst = made.stream()
                .sorted(Comparator.comparing(ChronologyEntry::getOccurredAt).reversed()).toList();

        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        long before = safeguardingViews(s.getId());
        String first = dsl.get("/students/" + s.getId()).body();
        List<Long> firstPage = shownEntries(first);
        assertThat(firstPage).isEqualTo(newestFirst.subList(0, 50).stream().map(ChronologyEntry::getId).toList());
        long safeguardingOnPage = newestFirst.subList(0, 50).stream().filter(e -> e.getConfidentiality() == Confidentiality.SAFEGUARDING).count();
        // contacts with home (the ten newest) are shown too, and audited when safeguarding
        long contactsShown = newestFirst.stream().filter(e -> e.getKind() == EntryKind.CONTACT_HOME).limit(10)
                .filter(e -> e.getConfidentiality() == Confidentiality.SAFEGUARDING).count();
        assertThat(safeguardingViews(s.getId()) - before).isEqualTo(safeguardingOnPage + contactsShown);
        assertThat(first).contains("Entries 1 to 50 of 120").contains("Page 1 of 3").contains("Older entries");

        String third = dsl.get("/students/" + s.getId() + "?page=3").body();
        assertThat(shownEntries(third)).isEqualTo(newestFirst.subList(100, 120).stream().map(ChronologyEntry::getId).toList());

        String filtered = dsl.get("/students/" + s.getId() + "?kind=note&confidentiality=safeguarding").body();
        assertThat(shownEntries(filtered)).isEqualTo(newestFirst.stream()
                .filter(e -> e.getKind() == EntryKind.NOTE && e.getConfidentiality() == Confidentiality.SAFEGUARDING)
                .map(ChronologyEntry::getId).limit(50).toList()).isNotEmpty();

        HttpUser pso = HttpUser.signedIn(port, "pso");
        long beforePso = safeguardingViews(s.getId());
        String psoPage = pso.get("/students/" + s.getId()).body();
        assertThat(shownEntries(psoPage)).isEqualTo(newestFirst.stream().filter(e -> e.getConfidentiality() == Confidentiality.PASTORAL)
                .limit(50).map(ChronologyEntry::getId).toList());
        assertThat(pso.get("/students/" + s.getId() + "?confidentiality=safeguarding").body()).contains("Nothing recorded that you may see.");
        assertThat(safeguardingViews(s.getId())).isEqualTo(beforePso);
        assertThat(pso.get("/students/" + s.getId() + "?kind=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void anOpenReferralIsDrawnFromAModelOnlyThoseWhoMaySeeItCanFetch() {
        Student s = demo(8, 91);
        Referral welfare = referrals.raise(new FormData(Map.of("studentId", s.getId().toString(), "category", "welfare",
                "description", "Student page diagram test", "occurredAt", "2026-11-20T10:00")), TEACHER);
        Referral safeguarding = referrals.raise(new FormData(Map.of("studentId", s.getId().toString(), "category", "safeguarding",
                "description", "Student page diagram test, DSL", "occurredAt", "2026-11-20T10:00")), TEACHER);

        HttpUser pso = HttpUser.signedIn(port, "pso");
        String page = pso.get("/students/" + s.getId()).body();
        assertThat(page).contains("Open workflows").contains(welfare.getReference()).doesNotContain(safeguarding.getReference())
                .contains("data-current=\"Task_PsoTriage\"").contains("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js");
        String model = "/students/" + s.getId() + "/processes/" + welfare.getProcessInstanceId() + "/model.bpmn";
        var xml = pso.get(model);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(xml.body()).contains("Task_PsoTriage").contains("bpmndi:BPMNDiagram");

        String hidden = "/students/" + s.getId() + "/processes/" + safeguarding.getProcessInstanceId() + "/model.bpmn";
        assertThat(pso.get(hidden).statusCode()).as("a DSL referral's model, to a PSO").isEqualTo(404);
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        assertThat(dsl.get(hidden).statusCode()).isEqualTo(200);
        assertThat(dsl.get("/students/" + s.getId()).body()).contains("data-current=\"Task_DslReview\"");
        assertThat(pso.get("/students/" + demo(8, 92).getId() + "/processes/" + welfare.getProcessInstanceId() + "/model.bpmn")
                .statusCode()).as("the instance under another student").isEqualTo(404);
        assertThat(HttpUser.signedIn(port, "teacher").get(model).statusCode()).isEqualTo(403);
        assertThat(HttpUser.signedIn(port, "admin").get(model).statusCode()).isEqualTo(403);
    }

    @Test
    void studentsInTheSameIncidentAreLinked() {
        Student a = demo(9, 93);
        Student b = demo(9, 94);
        investigations.log(new FormData(Map.of("occurredOn", JustNow.date(),
                "occurredTime", JustNow.time(), "location", "Library", "type", "damage", "description", "Linked students test",
                "upn-0", a.getUpn(), "part-0", "alleged-perpetrator", "upn-1", b.getUpn(), "part-1", "witness")), TEACHER);
        String page = HttpUser.signedIn(port, "hoy").get("/students/" + a.getId()).body();
        assertThat(page).contains("Linked students").contains(org.springframework.web.util.HtmlUtils.htmlEscape(b.displayName())).contains("Witness in incident");
        assertThat(page).contains("Open workflows").contains("Investigation: Damage to property");
    }
}
