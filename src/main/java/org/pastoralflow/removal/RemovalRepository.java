package org.pastoralflow.removal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RemovalRepository extends JpaRepository<Removal, Long> {

    List<Removal> findByDestinationInAndRemovedAtGreaterThanEqualAndRemovedAtLessThanOrderByRemovedAtAscIdAsc(
            Collection<String> destinations, Instant from, Instant until);

    List<Removal> findByStudentIdAndRemovedAtGreaterThanEqualOrderByRemovedAtDesc(Long studentId, Instant from);
}
