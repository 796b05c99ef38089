package org.pastoralflow.workflow;

import org.pastoralflow.forms.FormData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.Upn;
import org.springframework.stereotype.Component;

/**
 * Reads a form's rows of students by UPN ({@code upn-0}, {@code upn-1}, ...) for records about
 * several students at once (an incident, a mediation): every row checked, each problem named on
 * its own row, a student listed twice refused.
 */
@Component
public class StudentPicker {

    public static final String PREFIX = "upn-";

    private final StudentRepository students;

    public StudentPicker(StudentRepository students) {
        this.students = students;
    }

    /** The students of the filled rows, by row number in the order typed; errors go to {@code upn-<row>}. */
    public Map<Integer, Student> read(FormData data, int maxRows) {
        Map<Integer, String> upns = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int row = 0; row < maxRows; row++) {
            String raw = data.optional(PREFIX + row);
            if (raw == null) {
                continue;
            }
            String upn = raw.replaceAll("\\s", "").toUpperCase();
            String problem = Upn.problem(upn);
            if (problem != null) {
                data.reject(PREFIX + row, "Row " + (row + 1) + ": " + problem);
            } else if (firstRow.containsKey(upn)) {
                data.reject(PREFIX + row, "Row " + (row + 1) + ": " + upn + " is already listed in row " + (firstRow.get(upn) + 1)
                        + ". List each student once.");
            } else {
                firstRow.put(upn, row);
                upns.put(row, upn);
            }
        }
        Map<String, Student> found = students.findByUpnIn(upns.values()).stream()
                .collect(Collectors.toMap(Student::getUpn, Function.identity()));
        Map<Integer, Student> picked = new LinkedHashMap<>();
        upns.forEach((row, upn) -> {
            Student s = found.get(upn);
            if (s == null) {
                data.reject(PREFIX + row, "Row " + (row + 1) + ": no student with UPN " + upn + ".");
            } else {
                picked.put(row, s);
            }
        });
        return picked;
    }

    /** Names for the rows that hold a known UPN, so the form can show who each row is. */
    public Map<String, String> namesOf(Map<String, String> values, int maxRows) {
        List<String> upns = new ArrayList<>();
        for (int row = 0; row < maxRows; row++) {
            String v = values.get(PREFIX + row);
            if (v != null && !v.isBlank()) {
                upns.add(v.replaceAll("\\s", "").toUpperCase());
            }
        }
        Map<String, String> names = new HashMap<>();
        students.findByUpnIn(upns).forEach(s -> names.put(s.getUpn(), s.displayName() + " (" + s.yearAndGroup() + ")"));
        return names;
    }
}
