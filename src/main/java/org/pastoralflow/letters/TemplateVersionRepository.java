package org.pastoralflow.letters;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TemplateVersionRepository extends JpaRepository<TemplateVersion, Long> {

    /** Each template's current version, by name. */
    @Query("select v from TemplateVersion v where v.version = (select max(w.version) from TemplateVersion w "
            + "where w.templateNo = v.templateNo) order by lower(v.name), v.templateNo")
    List<TemplateVersion> current();

    Optional<TemplateVersion> findFirstByTemplateNoOrderByVersionDesc(Long templateNo);

    List<TemplateVersion> findByTemplateNoOrderByVersionDesc(Long templateNo);
}
