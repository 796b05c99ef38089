package org.pastoralflow.family;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FamilyContactRepository extends JpaRepository<FamilyContact, Long> {

    List<FamilyContact> findByStudentIdOrderByPriorityAscIdAsc(Long studentId);
}
