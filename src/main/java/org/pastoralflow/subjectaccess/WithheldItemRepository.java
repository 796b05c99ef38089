package org.pastoralflow.subjectaccess;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WithheldItemRepository extends JpaRepository<WithheldItem, Long> {

    List<WithheldItem> findByRequestIdOrderByIdAsc(Long requestId);

    void deleteByRequestId(Long requestId);
}
