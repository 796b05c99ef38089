package org.pastoralflow.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralRepository extends JpaRepository<Referral, Long> {

    /** Open referrals, counted: [category, stage, route, count], for students of one year group or all. */
    @org.springframework.data.jpa.repository.Query("select r.category, r.stage, r.route, count(r) from Referral r, "
            + "org.pastoralflow.student.Student s where s.id = r.studentId and r.stage <> org.pastoralflow.referral.Stage.CLOSED "
            + "and (:year is null or s.yearGroup = :year) group by r.category, r.stage, r.route")
    java.util.List<Object[]> openCounts(@org.springframework.data.repository.query.Param("year") Integer yearGroup);


    /**
     * Every task form reads its referral by reference. Written out in JPQL so Hibernate plans it
     * once: a derived query is built as a criteria query and translated to SQL again on every
     * call (about a tenth of the application's time per referral in the benchmark's profile).
     */
    @org.springframework.data.jpa.repository.Query("select r from Referral r where r.reference = :reference")
    Optional<Referral> findByReference(@org.springframework.data.repository.query.Param("reference") String reference);

    List<Referral> findByRaisedByOrderByRaisedAtDesc(String raisedBy);

    List<Referral> findByStudentIdOrderByRaisedAtDesc(Long studentId);
}
