package org.pastoralflow.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralRepository extends JpaRepository<Referral, Long> {

    Optional<Referral> findByReference(String reference);

    List<Referral> findByRaisedByOrderByRaisedAtDesc(String raisedBy);

    List<Referral> findByStudentIdOrderByRaisedAtDesc(Long studentId);
}
