package org.pastoralflow.investigation;

import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/** "Assign an investigator": a Head of Year or PSO; a DSL for a safeguarding incident. */
@Component
class AssignForm extends IncidentForm {

    AssignForm(Investigations investigations, InvestigationRecording recording) {
        super("investigation/assign", "Assign an investigator", investigations, recording);
    }

    @Override
    List<FormField> fields(Incident i, TaskView task) {
        return List.of(FormField.select(InvestigationProcess.INVESTIGATOR, "Investigator", investigations.possibleInvestigators(i))
                .withHint(i.isSafeguarding() ? "A DSL, or a Head of Year or PSO you name: they alone outside the DSL group "
                        + "can then open this incident, and the share is recorded."
                        : "A Head of Year or a PSO. The evidence checklist goes to their inbox."));
    }

    @Override
    Map<String, Object> write(Incident i, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
        data.throwIfInvalid();
        recording.assign(i, v.get(InvestigationProcess.INVESTIGATOR), viewer);
        return Map.of(InvestigationProcess.INVESTIGATOR, v.get(InvestigationProcess.INVESTIGATOR));
    }
}
