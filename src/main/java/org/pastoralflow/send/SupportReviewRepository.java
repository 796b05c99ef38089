package org.pastoralflow.send;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupportReviewRepository extends JpaRepository<SupportReview, Long> {

    List<SupportReview> findBySenRegisterIdOrderByReviewedOnDescIdDesc(Long senRegisterId);
}
