package org.pastoralflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    /** Lock timeout -2 is SKIP LOCKED: a row another node is sending is left to it. */
    String SKIP_LOCKED = "-2";

    /** The staff notifications, for the administrator: e-mails home name a child and are the letters' to show. */
    List<Notification> findTop100ByToFamilyFalseOrderByCreatedAtDesc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = SKIP_LOCKED))
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> lockById(@Param("id") Long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = SKIP_LOCKED))
    @Query("select n from Notification n where n.nextAttemptAt <= :now order by n.nextAttemptAt")
    List<Notification> lockDue(@Param("now") Instant now, Pageable page);
}
