package org.pastoralflow.reportcard;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportCardReviewRepository extends JpaRepository<ReportCardReview, Long> {

    List<ReportCardReview> findByReportCardIdOrderByReviewedAtAsc(Long reportCardId);
}
