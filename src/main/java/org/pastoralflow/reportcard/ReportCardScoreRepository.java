package org.pastoralflow.reportcard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportCardScoreRepository extends JpaRepository<ReportCardScore, Long> {

    List<ReportCardScore> findByReportCardIdOrderByDayAscPeriodAscTargetAsc(Long reportCardId);

    List<ReportCardScore> findByReportCardIdAndDay(Long reportCardId, LocalDate day);

    List<ReportCardScore> findByReportCardIdInAndDay(Collection<Long> reportCardIds, LocalDate day);

    List<ReportCardScore> findByReportCardIdAndDayBetween(Long reportCardId, LocalDate from, LocalDate to);
}
