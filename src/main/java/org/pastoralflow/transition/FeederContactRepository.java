package org.pastoralflow.transition;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FeederContactRepository extends JpaRepository<FeederContact, Long> {

    List<FeederContact> findByFeederSchoolIdAndEntryYearOrderByOccurredOnDescIdDesc(Long feederSchoolId, int entryYear);
}
