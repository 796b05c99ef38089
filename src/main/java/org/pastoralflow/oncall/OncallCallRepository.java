package org.pastoralflow.oncall;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OncallCallRepository extends JpaRepository<OncallCall, Long> {

    List<OncallCall> findByClosedAtIsNullOrderByRaisedAtAsc();

    Optional<OncallCall> findByReference(String reference);
}
