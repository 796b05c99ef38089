package org.pastoralflow.agencymeeting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MeetingNoticeRepository extends JpaRepository<MeetingNotice, Long> {

    List<MeetingNotice> findBySeriesIdOrderBySentAtAscIdAsc(Long seriesId);

    List<MeetingNotice> findBySeriesIdAndMeetingNoOrderByIdAsc(Long seriesId, int meetingNo);
}
