package org.pastoralflow.send;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the register's pages read: the register as the viewer may see it, and one pupil's SEN record. */
@Service
@Transactional(readOnly = true)
public class SenRegister {

    /** One line of the register: the MIS's status with what the SENCO recorded, and the next review that is due. */
    public record Row(Long studentId, String name, int yearGroup, String regGroup, String senStatus, boolean ehcp, String reference,
                      String primaryNeed, String secondaryNeed, String planReference, LocalDate reviewDue, LocalDate lastSupportReview,
                      boolean overdue) {

        public String primaryNeedLabel() {
            return primaryNeed == null ? null : org.pastoralflow.forms.Coded.labelOf(NeedArea.class, primaryNeed);
        }
    }

    private final SenEntryRepository entries;
    private final SupportReviewRepository supportReviews;
    private final EhcpPlanRepository plans;
    private final EhcpReviewRepository reviews;
    private final StudentRepository students;
    private final AccessPolicy policy;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    SenRegister(SenEntryRepository entries, SupportReviewRepository supportReviews, EhcpPlanRepository plans, EhcpReviewRepository reviews,
                StudentRepository students, AccessPolicy policy, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.entries = entries;
        this.supportReviews = supportReviews;
        this.plans = plans;
        this.reviews = reviews;
        this.students = students;
        this.policy = policy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The pupils at SEN support or with an EHCP (the MIS's status), and anyone the SENCO put on the register,
     * as far as the viewer may read their SEN records; {@code status} K or E narrows it.
     */
    public List<Row> register(Viewer viewer, String status) {
        AccessPolicy.SqlFilter filter = policy.sql(viewer, AccessPolicy.RecordSql.single(SenEntry.RECORD_TYPE, "r.id",
                "coalesce(r.confidentiality, 'SEND')", "s.id"));
        Map<String, Object> params = new HashMap<>(filter.parameters());
        String narrow = "";
        if ("K".equals(status) || "E".equals(status)) {
            narrow = " and s.sen_status = :status";
            params.put("status", status);
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("select s.id, s.legal_forename, s.preferred_forename, s.legal_surname, s.year_group, s.reg_group, s.sen_status, "
                        + "s.ehcp, r.reference, r.primary_need, r.secondary_need, p.reference plan_reference, "
                        + "(select min(v.due_on) from ehcp_review v where v.ehcp_plan_id = p.id and v.closed_at is null) review_due, "
                        + "(select max(sr.reviewed_on) from sen_support_review sr where sr.sen_register_id = r.id) last_support_review "
                        + "from student s left join sen_register r on r.student_id = s.id "
                        + "left join ehcp_plan p on p.student_id = s.id and p.ceased_on is null "
                        + "where (s.sen_status in ('K', 'E') or r.id is not null)" + narrow + " and " + filter.condition()
                        + " order by s.year_group, s.legal_surname, s.legal_forename, s.id",
                params, (rs, i) -> {
                    String preferred = rs.getString("preferred_forename");
                    Date due = rs.getDate("review_due");
                    Date last = rs.getDate("last_support_review");
                    LocalDate dueOn = due == null ? null : due.toLocalDate();
                    return new Row(rs.getLong("id"), (preferred == null || preferred.isBlank() ? rs.getString("legal_forename") : preferred)
                            + " " + rs.getString("legal_surname"), rs.getInt("year_group"), rs.getString("reg_group"),
                            rs.getString("sen_status"), rs.getBoolean("ehcp"), rs.getString("reference"), rs.getString("primary_need"),
                            rs.getString("secondary_need"), rs.getString("plan_reference"), dueOn,
                            last == null ? null : last.toLocalDate(), dueOn != null && dueOn.isBefore(today));
                });
    }

    /** How a pupil's SEN record is classified before the SENCO has written anything: SEND, about them. */
    public static Classification senRecordOf(Long studentId, SenEntry entry) {
        return entry != null ? entry.classification() : Classification.of(SenEntry.RECORD_TYPE, null, Confidentiality.SEND, studentId);
    }

    /** The pupil, if they are on the register and the viewer may read their SEN record; otherwise a 404. */
    public Student pupil(Long studentId, Viewer viewer) {
        Student s = students.findById(studentId).orElseThrow(() -> new NotFoundException("Nothing was found there."));
        SenEntry entry = entries.findByStudentId(studentId).orElse(null);
        boolean onRegister = entry != null || "K".equals(s.getSenStatus()) || "E".equals(s.getSenStatus()) || s.isEhcp();
        if (!onRegister || !policy.mayRead(viewer, senRecordOf(studentId, entry))) {
            throw new NotFoundException("Nothing was found there.");
        }
        return s;
    }

    public Optional<SenEntry> entryOf(Long studentId) {
        return entries.findByStudentId(studentId);
    }

    public Optional<EhcpPlan> planOf(Long studentId) {
        return plans.findByStudentId(studentId);
    }

    public List<SupportReview> supportReviewsOf(SenEntry entry) {
        return entry == null ? List.of() : supportReviews.findBySenRegisterIdOrderByReviewedOnDescIdDesc(entry.getId());
    }

    public List<EhcpReview> reviewsOf(EhcpPlan plan) {
        return plan == null ? List.of() : reviews.findByEhcpPlanIdOrderByDueOnDesc(plan.getId());
    }

    /** The pupil's SEN register entry if the viewer may read it (the student page's panel). */
    public Optional<SenEntry> readableEntry(Long studentId, Viewer viewer) {
        return entries.findByStudentId(studentId).filter(e -> policy.mayRead(viewer, e.classification()));
    }

    public Optional<EhcpPlan> readablePlan(Long studentId, Viewer viewer) {
        return plans.findByStudentId(studentId).filter(p -> policy.mayRead(viewer, p.classification()));
    }

    public SenEntry entryByReference(String reference) {
        return entries.findByReference(reference).orElseThrow(() -> new IllegalStateException("No SEN register entry " + reference));
    }

    public EhcpPlan planByReference(String reference) {
        return plans.findByReference(reference).orElseThrow(() -> new IllegalStateException("No EHCP " + reference));
    }

    public EhcpReview review(Long id) {
        return reviews.findById(id).orElseThrow(() -> new IllegalStateException("No EHCP review " + id));
    }

    public EhcpPlan plan(Long id) {
        return plans.findById(id).orElseThrow(() -> new IllegalStateException("No EHCP " + id));
    }

    public Student student(Long id) {
        return students.findById(id).orElseThrow();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
