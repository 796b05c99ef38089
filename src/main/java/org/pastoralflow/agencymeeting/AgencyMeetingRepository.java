package org.pastoralflow.agencymeeting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyMeetingRepository extends JpaRepository<AgencyMeeting, Long> {

    List<AgencyMeeting> findBySeriesIdOrderByHeldOnAscIdAsc(Long seriesId);
}
