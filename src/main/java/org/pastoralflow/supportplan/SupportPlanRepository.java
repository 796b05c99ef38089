package org.pastoralflow.supportplan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SupportPlanRepository extends JpaRepository<SupportPlan, Long> {

    Optional<SupportPlan> findFirstByReferralIdAndClosedOnIsNullOrderByCreatedAtDesc(Long referralId);

    List<SupportPlan> findByStudentIdOrderByCreatedAtDesc(Long studentId);

    @Modifying
    @Query("delete from SupportPlan p where p.studentId = :student and p.confidentiality = :c")
    int deleteByStudentAndConfidentiality(@Param("student") Long studentId, @Param("c") org.pastoralflow.security.Confidentiality c);

    /** A plan outlives the referral it came from when that referral is destroyed under retention. */
    @Modifying
    @Query("update SupportPlan p set p.referralId = null where p.referralId in :referrals")
    int detachFromReferrals(@Param("referrals") java.util.Collection<Long> referralIds);
}
