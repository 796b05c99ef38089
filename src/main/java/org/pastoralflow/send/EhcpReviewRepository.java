package org.pastoralflow.send;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EhcpReviewRepository extends JpaRepository<EhcpReview, Long> {

    List<EhcpReview> findByEhcpPlanIdOrderByDueOnDesc(Long ehcpPlanId);
}
