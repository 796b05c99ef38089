package org.pastoralflow.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ExternalReferralRepository extends JpaRepository<ExternalReferral, Long> {

    Optional<ExternalReferral> findFirstByReferralIdAndFeedbackOnIsNullOrderByRecordedAtDesc(Long referralId);

    List<ExternalReferral> findByReferralIdOrderByRecordedAtAsc(Long referralId);

    @Modifying
    @Query("delete from ExternalReferral x where x.referralId in :referrals")
    int deleteByReferralIds(@Param("referrals") java.util.Collection<Long> referralIds);
}
