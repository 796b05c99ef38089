package org.pastoralflow.retention;

import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists records past their retention date and carries out the DSL's decision on each:
 * destroy (every feature's records of that confidentiality, logged with counts) or hold with a
 * documented reason until a date. Nothing is destroyed without a person deciding it.
 */
@Service
@EnableConfigurationProperties(RetentionSettings.class)
public class RetentionService {

    public static final String AUDIT_TYPE = "retention-review";

    /** A due review with the student it is about, for the page. */
    public record Due(RetentionReview review, Student student) {
    }

    private final RetentionReviewRepository reviews;
    private final CaseStore caseStore;
    private final StudentRepository students;
    private final List<RetainedRecords> records;
    private final AuditLog audit;
    private final RetentionSettings settings;
    private final Clock clock;

    RetentionService(RetentionReviewRepository reviews, CaseStore caseStore, StudentRepository students,
                     List<RetainedRecords> records, AuditLog audit, RetentionSettings settings,
                     Clock clock) {
        this.reviews = reviews;
        this.caseStore = caseStore;
        this.students = students;
        this.records = records;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Lists what has passed its date since the last review; returns how many are now due. */
    @Transactional
    public int review(LocalDate today) {
        for (Map.Entry<Confidentiality, Integer> rule : settings.yearsAfterBirth().entrySet()) {
            Confidentiality confidentiality = rule.getKey();
            List<Object[]> counts = caseStore.entryCountsForStudentsBornBy(confidentiality, today.minusYears(rule.getValue()));
            Map<Long, Student> byId = students.findAllById(counts.stream().map(c -> (Long) c[0]).toList()).stream()
                    .collect(Collectors.toMap(Student::getId, Function.identity()));
            for (Object[] c : counts) {
                Long studentId = (Long) c[0];
                int entries = ((Number) c[1]).intValue();
                reviews.findFirstByStudentIdAndConfidentialityAndStatusIn(studentId, confidentiality,
                                List.of(RetentionReview.Status.DUE, RetentionReview.Status.HELD))
                        .ifPresentOrElse(existing -> {
                            if (existing.getStatus() == RetentionReview.Status.HELD && !existing.getHeldUntil().isAfter(today)) {
                                existing.dueAgain(entries, clock.instant());
                            }
                        }, () -> reviews.save(new RetentionReview(studentId, confidentiality,
                                byId.get(studentId).getDateOfBirth().plusYears(rule.getValue()), entries, clock.instant())));
            }
        }
        return reviews.findByStatusOrderByRetainUntilAsc(RetentionReview.Status.DUE).size();
    }

    public List<Due> due() {
        List<RetentionReview> due = reviews.findByStatusOrderByRetainUntilAsc(RetentionReview.Status.DUE);
        Map<Long, Student> byId = students.findAllById(due.stream().map(RetentionReview::getStudentId).toList()).stream()
                .collect(Collectors.toMap(Student::getId, Function.identity()));
        return due.stream().map(r -> new Due(r, byId.get(r.getStudentId()))).toList();
    }

    public long dueCount() {
        return reviews.findByStatusOrderByRetainUntilAsc(RetentionReview.Status.DUE).size();
    }

    /** The destruction log and the holds: every decision, newest first. */
    public List<Due> decided() {
        List<RetentionReview> done = reviews.findTop200ByStatusInOrderByDecidedAtDesc(
                List.of(RetentionReview.Status.HELD, RetentionReview.Status.DESTROYED));
        Map<Long, Student> byId = students.findAllById(done.stream().map(RetentionReview::getStudentId).toList()).stream()
                .collect(Collectors.toMap(Student::getId, Function.identity()));
        return done.stream().map(r -> new Due(r, byId.get(r.getStudentId()))).toList();
    }

    /** Destroys the student's records of that confidentiality in every feature, all or nothing. */
    @Transactional
    public RetentionReview destroy(Long reviewId, FormData data, Viewer dsl) {
        RetentionReview review = dueReview(reviewId);
        if (!data.flag("confirm")) {
            data.reject("confirm", "Tick to confirm these records are past their retention date and no hold applies.");
        }
        String why = data.text("reason", "Note for the destruction log", 2000, false);
        data.throwIfInvalid();
        List<String> what = new ArrayList<>();
        for (RetainedRecords r : records) {
            int n = r.destroy(review.getStudentId(), review.getConfidentiality());
            // what there was, not every kind of record there could have been: the list grows with each feature
            if (n > 0) {
                what.add(n + " " + r.describe());
            }
        }
        String summary = what.isEmpty() ? "nothing left to destroy" : String.join(", ", what);
        review.destroyed(dsl.userId(), why, summary, clock.instant());
        audit.record(dsl.userId(), "DESTROY", AUDIT_TYPE, review.getId(), review.getStudentId(),
                review.getConfidentiality().label() + " records past " + review.getRetainUntil() + ": " + summary);
        return review;
    }

    /** Keeps the records until a date, for a reason the log shows (e.g. an inquiry, a legal hold). */
    @Transactional
    public RetentionReview hold(Long reviewId, FormData data, Viewer dsl) {
        RetentionReview review = dueReview(reviewId);
        String why = data.text("holdReason", "Why the records are kept", 2000, true);
        LocalDate until = data.date("holdUntil", "Keep until", true);
        if (until != null && !until.isAfter(today())) {
            data.reject("holdUntil", "Keep until must be a date after today.");
        }
        data.throwIfInvalid();
        review.hold(dsl.userId(), why, until, clock.instant());
        audit.record(dsl.userId(), "HOLD", AUDIT_TYPE, review.getId(), review.getStudentId(),
                review.getConfidentiality().label() + " records held until " + until + ": " + why);
        return review;
    }

    private RetentionReview dueReview(Long reviewId) {
        return reviews.findById(reviewId).filter(r -> r.getStatus() == RetentionReview.Status.DUE)
                .orElseThrow(() -> new NotFoundException("No retention decision is waiting with that number."));
    }
}
