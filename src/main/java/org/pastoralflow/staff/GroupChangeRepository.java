package org.pastoralflow.staff;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface GroupChangeRepository extends JpaRepository<GroupChange, Long> {

    List<GroupChange> findByStatusOrderByProposedAtAsc(GroupChange.Status status);

    List<GroupChange> findTop20ByStatusNotOrderByDecidedAtDesc(GroupChange.Status status);

    Optional<GroupChange> findByStatusAndUserIdAndGroupId(GroupChange.Status status, String userId, String groupId);

    /** The change, locked until the deciding transaction ends: two DSLs deciding at once are served one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from GroupChange c where c.id = ?1")
    Optional<GroupChange> lockById(Long id);
}
