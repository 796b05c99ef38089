package org.pastoralflow.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolClosureRepository extends JpaRepository<SchoolClosure, Long> {

    List<SchoolClosure> findAllByOrderByStartsOn();
}
