package org.pastoralflow.intervention;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupMemberRepository extends JpaRepository<GroupMember, Long> {

    List<GroupMember> findByGroupIdOrderByIdAsc(Long groupId);

    List<GroupMember> findByGroupIdIn(Collection<Long> groupIds);

    List<GroupMember> findByStudentId(Long studentId);

    boolean existsByGroupIdAndStudentId(Long groupId, Long studentId);
}
