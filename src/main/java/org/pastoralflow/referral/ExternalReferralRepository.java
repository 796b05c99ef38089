package org.pastoralflow.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ExternalReferralRepository extends JpaRepository<ExternalReferral, Long> {

    Optional<ExternalReferral> findFirstByReferralIdAndFeedbackOnIsNullOrderByRecordedAtDesc(Long referralId);

    List<ExternalReferral> findByReferralIdOrderByRecordedAtAsc(Long referralId);
}
