package org.pastoralflow.agencymeeting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyActionRepository extends JpaRepository<AgencyAction, Long> {

    Optional<AgencyAction> findByReference(String reference);

    List<AgencyAction> findByMeetingIdAndProcessInstanceIdIsNullOrderById(Long meetingId);

    List<AgencyAction> findBySeriesIdOrderByDueOnAscIdAsc(Long seriesId);
}
