package org.pastoralflow.workflow;

import org.pastoralflow.forms.FormData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.YearGroupScope;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.Upn;
import org.springframework.stereotype.Component;

/**
 * Reads a form's rows of students by UPN ({@code upn-0}, {@code upn-1}, ...) for records about
 * several students at once (an incident, a mediation): every row checked, each problem named on
 * its own row, a student listed twice refused; and one student by the UPN of a single field, within
 * the viewer's year groups.
 */
@Component
public class StudentPicker {

    public static final String PREFIX = "upn-";

    private final StudentRepository students;
    private final YearGroupScope yearGroups;

    public StudentPicker(StudentRepository students, YearGroupScope yearGroups) {
        this.students = students;
        this.yearGroups = yearGroups;
    }

    /**
     * One student by the UPN typed in a field, or null with the field refused: a UPN of the wrong
     * shape, no student with it, or a student outside the viewer's year groups. For the last,
     * {@code outsideYears} says what to do instead; null answers as for no student, naming nobody.
     */
    public Student one(FormData data, String field, Viewer viewer, String outsideYears) {
        String raw = data.required(field, "Student (UPN)");
        if (raw == null) {
            return null;
        }
        String upn = raw.replaceAll("\\s", "").toUpperCase();
        String problem = Upn.problem(upn);
        if (problem != null) {
            data.reject(field, problem);
            return null;
        }
        Student found = students.findByUpn(upn).orElse(null);
        YearGroupScope.Scope scope = yearGroups.of(viewer);
        boolean outside = found != null && !scope.allows(found.getYearGroup());
        if (outsideYears == null && (found == null || outside)) {
            data.reject(field, "No student with UPN " + upn + " among " + scope.describe() + ".");
            return null;
        }
        if (found == null) {
            data.reject(field, "No student with UPN " + upn + ".");
            return null;
        }
        if (outside) {
            data.reject(field, "You work with " + scope.describe() + ": " + outsideYears);
            return null;
        }
        return found;
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

    /**
     * What a form's "find a student by name" part shows ({@code fields :: studentFinder}): the name
     * typed ({@code q}), up to ten students it matches ({@code matches}) and who the UPN field holds
     * ({@code picked}). The choice is checked on submit ({@link #one}), not here.
     */
    public Map<String, Object> finder(String q, String upn) {
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("matches", q == null || q.isBlank() ? List.of()
                : students.search(q.trim(), org.springframework.data.domain.PageRequest.of(0, 10)));
        model.put("picked", upn == null || upn.isBlank() ? null : students.findByUpn(upn.replaceAll("\\s", "").toUpperCase())
                .map(s -> s.displayName() + " (" + s.yearAndGroup() + ")").orElse(null));
        return model;
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
