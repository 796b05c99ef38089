package org.pastoralflow.workflow.tables;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TableChangeRepository extends JpaRepository<TableChange, Long> {

    List<TableChange> findTop10ByDecisionKeyOrderByProposedAtDescIdDesc(String decisionKey);
}
