package org.pastoralflow.student;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StudentRepository extends JpaRepository<Student, Long> {

    Optional<Student> findByUpn(String upn);

    List<Student> findByUpnIn(Collection<String> upns);

    List<Student> findByYearGroupOrderByLegalSurnameAscLegalForenameAsc(int yearGroup);

    /** A tutor group, as a class list to pick from (the quick behaviour log). */
    List<Student> findByRegGroupOrderByLegalSurnameAscLegalForenameAsc(String regGroup);

    @Query("""
            select s from Student s
            where lower(s.legalSurname) like lower(concat(:q, '%'))
               or lower(s.legalForename) like lower(concat(:q, '%'))
               or lower(s.preferredForename) like lower(concat(:q, '%'))
               or lower(concat(s.legalForename, ' ', s.legalSurname)) like lower(concat(:q, '%'))
               or upper(s.upn) = upper(:q)
            order by s.legalSurname, s.legalForename""")
    List<Student> search(@Param("q") String query, Pageable page);

    /** The same search among the students of these year groups. */
    @Query("""
            select s from Student s
            where s.yearGroup in :years
              and (lower(s.legalSurname) like lower(concat(:q, '%'))
               or lower(s.legalForename) like lower(concat(:q, '%'))
               or lower(s.preferredForename) like lower(concat(:q, '%'))
               or lower(concat(s.legalForename, ' ', s.legalSurname)) like lower(concat(:q, '%'))
               or upper(s.upn) = upper(:q))
            order by s.legalSurname, s.legalForename""")
    List<Student> searchInYears(@Param("q") String query, @Param("years") Collection<Integer> years, Pageable page);
}
