package org.pastoralflow.reportcard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportCardScoreRepository extends JpaRepository<ReportCardScore, Long> {

    List<ReportCardScore> findByReportCardIdOrderByLessonDayAscPeriodAscTargetAsc(Long reportCardId);

    List<ReportCardScore> findByReportCardIdAndLessonDay(Long reportCardId, LocalDate day);

    List<ReportCardScore> findByReportCardIdInAndLessonDay(Collection<Long> reportCardIds, LocalDate day);

    List<ReportCardScore> findByReportCardIdAndLessonDayBetween(Long reportCardId, LocalDate from, LocalDate to);
}
