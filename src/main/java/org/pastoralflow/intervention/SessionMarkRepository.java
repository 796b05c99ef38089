package org.pastoralflow.intervention;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionMarkRepository extends JpaRepository<SessionMark, Long> {

    List<SessionMark> findBySessionIdIn(Collection<Long> sessionIds);

    List<SessionMark> findBySessionId(Long sessionId);
}
