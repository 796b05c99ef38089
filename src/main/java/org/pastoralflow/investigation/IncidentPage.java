package org.pastoralflow.investigation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;

/** What every page about an incident shows: its facts, its students and their parts, its checklist. */
final class IncidentPage {

    private IncidentPage() {
    }

    static Map<String, Object> model(Incident i, Viewer viewer, Investigations investigations) {
        List<IncidentStudent> involved = investigations.studentsIn(i);
        Map<Long, Student> names = investigations.studentsById(involved.stream().map(IncidentStudent::getStudentId).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("incident", i);
        model.put("involved", involved);
        model.put("names", names);
        model.put("checklist", investigations.checklist(i));
        model.put("attachments", investigations.attachmentsOf(i).stream()
                .collect(Collectors.groupingBy(IncidentAttachment.Info::checkId)));
        // only someone the access policy lets read the incident gets this far (the page, the report, a task form)
        model.put("showDetail", true);
        model.put("investigatorName", investigations.displayName(i.getInvestigator()));
        return model;
    }
}
