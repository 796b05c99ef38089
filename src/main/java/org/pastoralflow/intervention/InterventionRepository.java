package org.pastoralflow.intervention;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InterventionRepository extends JpaRepository<Intervention, Long> {

    List<Intervention> findAllByOrderByNameAsc();

    Optional<Intervention> findByCode(String code);
}
