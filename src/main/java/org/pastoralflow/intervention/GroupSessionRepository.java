package org.pastoralflow.intervention;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupSessionRepository extends JpaRepository<GroupSession, Long> {

    List<GroupSession> findByGroupIdOrderByNumberAsc(Long groupId);

    List<GroupSession> findByGroupIdIn(Collection<Long> groupIds);

    Optional<GroupSession> findByGroupIdAndNumber(Long groupId, int number);
}
