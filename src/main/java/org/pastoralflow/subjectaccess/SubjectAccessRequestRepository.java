package org.pastoralflow.subjectaccess;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubjectAccessRequestRepository extends JpaRepository<SubjectAccessRequest, Long> {

    Optional<SubjectAccessRequest> findByReference(String reference);

    List<SubjectAccessRequest> findBySentOnIsNullOrderByDueOnAsc();

    List<SubjectAccessRequest> findBySentOnIsNotNullOrderBySentOnDesc(Pageable page);
}
