package org.pastoralflow.agencymeeting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingSeriesRepository extends JpaRepository<MeetingSeries, Long> {

    Optional<MeetingSeries> findByReference(String reference);

    List<MeetingSeries> findByStudentIdOrderByOpenedAtDesc(Long studentId);

    List<MeetingSeries> findByClosedAtIsNullOrderByNextMeetingOnAsc();
}
