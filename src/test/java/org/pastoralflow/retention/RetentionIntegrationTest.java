package org.pastoralflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.StudentRow;
import org.pastoralflow.student.UpnTestSupport;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A former student's records reach their retention date: the review lists them once, a hold
 * keeps them with a reason, destruction removes them everywhere and leaves a log.
 */
@PostgresIntegrationTest
class RetentionIntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @LocalServerPort int port;
    @Autowired RetentionService retention;
    @Autowired RetentionReviewRepository reviews;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired ChronologyRepository chronology;
    @Autowired ReferralService referrals;
    @Autowired AuditRepository audit;

    Student formerStudent(LocalDate born) {
        String upn = UpnTestSupport.valid(String.format("%012d", System.nanoTime() % 1_000_000_000_000L));
        Student s = new Student(upn);
        s.updateFrom(new StudentRow(upn, "Leaver", "Former", null, born, "F", 11, "11X", "K", false, false, false, false, false),
                Instant.now());
        return students.save(s);
    }

    void entry(Student s, Confidentiality c, String text) {
        caseStore.record(NewEntry.now(s.getId(), EntryKind.NOTE, c, "dsl", text, text, null, null));
    }

    List<RetentionReview> reviewsOf(Student s) {
        return reviews.findAll().stream().filter(r -> r.getStudentId().equals(s.getId())).toList();
    }

    @Test
    void childProtectionRecordsAreListedAfterThe25thBirthdayOnceAndSendRecordsOnlyAfterThe31st() {
        Student s = formerStudent(TODAY.minusYears(26));
        entry(s, Confidentiality.SAFEGUARDING, "CP note");
        entry(s, Confidentiality.SEND, "SEND note");
        entry(s, Confidentiality.PASTORAL, "Pastoral note");
        Student young = formerStudent(TODAY.minusYears(25).plusDays(1));
        entry(young, Confidentiality.SAFEGUARDING, "Not yet");

        retention.review(TODAY);
        retention.review(TODAY);

        assertThat(reviewsOf(s)).singleElement().satisfies(r -> {
            assertThat(r.getConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING);
            assertThat(r.getRetainUntil()).isEqualTo(s.getDateOfBirth().plusYears(25));
            assertThat(r.getStatus()).isEqualTo(RetentionReview.Status.DUE);
            assertThat(r.getEntries()).isEqualTo(1);
        });
        assertThat(reviewsOf(young)).isEmpty();

        retention.review(TODAY.plusYears(6));
        assertThat(reviewsOf(s)).extracting(RetentionReview::getConfidentiality)
                .containsExactlyInAnyOrder(Confidentiality.SAFEGUARDING, Confidentiality.SEND);
    }

    @Test
    void theDslDestroysEverythingOfThatKindAndTheLogSaysWhoWhenAndHowMuch() {
        Student s = formerStudent(TODAY.minusYears(30));
        var referral = referrals.raise(new FormData(Map.of("studentId", s.getId().toString(), "category", "safeguarding",
                "description", "Old disclosure to be destroyed", "occurredAt", "2014-03-01T10:00")),
                new Viewer("teacher", "Tess", Set.of("staff")));
        entry(s, Confidentiality.PASTORAL, "Pastoral note stays");
        retention.review(TODAY);
        RetentionReview due = reviewsOf(s).get(0);

        HttpUser pso = HttpUser.signedIn(port, "pso");
        assertThat(pso.get("/retention").statusCode()).isEqualTo(403);
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        String page = dsl.get("/retention").body();
        assertThat(page).contains(s.getUpn()).doesNotContain("Old disclosure");

        // without the confirmation nothing happens, and the page says why beside the box
        var refused = dsl.post("/retention/" + due.getId() + "/destroy", Map.of("reason", "Past date"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tick to confirm").contains("value=\"Past date\"");
        assertThat(chronology.countByStudentIdAndConfidentiality(s.getId(), Confidentiality.SAFEGUARDING)).isEqualTo(1);

        var done = dsl.post("/retention/" + due.getId() + "/destroy", Map.of("confirm", "true", "reason", "Past date, no hold"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(chronology.countByStudentIdAndConfidentiality(s.getId(), Confidentiality.SAFEGUARDING)).isZero();
        assertThat(chronology.countByStudentIdAndConfidentiality(s.getId(), Confidentiality.PASTORAL)).isEqualTo(1);
        assertThat(referrals.byReference(referral.getReference())).isEmpty();

        RetentionReview logged = reviews.findById(due.getId()).orElseThrow();
        assertThat(logged.getStatus()).isEqualTo(RetentionReview.Status.DESTROYED);
        assertThat(logged.getDecidedBy()).isEqualTo("dsl");
        assertThat(logged.getDestroyed()).contains("1 chronology entries").contains("1 referrals");
        assertThat(audit.findByRecordTypeAndRecordId(RetentionService.AUDIT_TYPE, due.getId()))
                .singleElement().satisfies(a -> assertThat(a.getAction()).isEqualTo("DESTROY"));
        assertThat(dsl.get("/retention").body()).contains("Destroyed: ").contains("Past date, no hold");

        // destroyed once: a second attempt finds nothing waiting
        assertThat(dsl.post("/retention/" + due.getId() + "/destroy", Map.of("confirm", "true")).statusCode()).isEqualTo(404);
    }

    @Test
    void aHoldNeedsAReasonAndADateAndComesBackWhenItRunsOut() {
        Student s = formerStudent(TODAY.minusYears(40));
        entry(s, Confidentiality.SEND, "EHCP annual review");
        retention.review(TODAY);
        RetentionReview due = reviewsOf(s).get(0);

        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        var refused = dsl.post("/retention/" + due.getId() + "/hold", Map.of("holdUntil", "2020-01-01"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Why the records are kept is required").contains("Keep until must be a date after today");

        LocalDate until = retention.today().plusYears(1);
        assertThat(dsl.post("/retention/" + due.getId() + "/hold",
                Map.of("holdReason", "Independent inquiry asked schools to keep records", "holdUntil", until.toString())).statusCode())
                .isEqualTo(302);
        assertThat(reviews.findById(due.getId()).orElseThrow().getStatus()).isEqualTo(RetentionReview.Status.HELD);
        assertThat(chronology.countByStudentIdAndConfidentiality(s.getId(), Confidentiality.SEND)).isEqualTo(1);

        retention.review(until.minusDays(1));
        assertThat(reviews.findById(due.getId()).orElseThrow().getStatus()).isEqualTo(RetentionReview.Status.HELD);
        retention.review(until);
        assertThat(reviews.findById(due.getId()).orElseThrow().getStatus()).isEqualTo(RetentionReview.Status.DUE);
        assertThat(reviewsOf(s)).hasSize(1);
    }
}
