package org.pastoralflow.transition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FeederSchoolRepository extends JpaRepository<FeederSchool, Long> {

    Optional<FeederSchool> findByUrn(String urn);

    List<FeederSchool> findByUrnIn(Collection<String> urns);
}
