package org.pastoralflow.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolTermRepository extends JpaRepository<SchoolTerm, Long> {

    List<SchoolTerm> findAllByOrderByStartsOn();
}
