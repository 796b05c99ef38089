package org.pastoralflow.oncall;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DutyRotaRepository extends JpaRepository<DutySlot, Long> {

    List<DutySlot> findAllByOrderByWeekdayAscStartsAtAsc();
}
