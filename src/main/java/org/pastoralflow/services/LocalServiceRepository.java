package org.pastoralflow.services;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LocalServiceRepository extends JpaRepository<LocalService, Long> {

    List<LocalService> findAllByOrderByActiveDescNameAsc();

    List<LocalService> findByActiveTrueOrderByNameAsc();

    /** Name or what it is for containing the words (lower case, wrapped in %). */
    @Query("select s from LocalService s where lower(s.name) like :words or lower(s.purpose) like :words "
            + "order by s.active desc, s.name")
    List<LocalService> search(@Param("words") String words);
}
