package org.pastoralflow.retention;

import java.util.List;
import java.util.Optional;

import org.pastoralflow.security.Confidentiality;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RetentionReviewRepository extends JpaRepository<RetentionReview, Long> {

    Optional<RetentionReview> findFirstByStudentIdAndConfidentialityAndStatusIn(
            Long studentId, Confidentiality confidentiality, List<RetentionReview.Status> statuses);

    List<RetentionReview> findByStatusOrderByRetainUntilAsc(RetentionReview.Status status);

    List<RetentionReview> findTop200ByStatusInOrderByDecidedAtDesc(List<RetentionReview.Status> statuses);
}
