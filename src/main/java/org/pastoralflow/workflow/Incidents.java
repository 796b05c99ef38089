package org.pastoralflow.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * Engine incidents (a service task that failed all its retries) for the administrator's page,
 * and the retry that puts the job back in the executor's queue. Cockpit shows the same
 * incidents; this page is for a school without anyone who knows Cockpit.
 */
@Service
public class Incidents {

    /** What the page shows of one incident: no process variables, so no case content. */
    public record Open(String id, Date since, String workflow, String reference, String step, String message, String jobId) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;

    Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
    }

    public List<Open> open() {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, 200);
        if (incidents.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = repository.createProcessDefinitionQuery()
                .processDefinitionIdIn(incidents.stream().map(Incident::getProcessDefinitionId).distinct().toArray(String[]::new))
                .list().stream().collect(Collectors.toMap(ProcessDefinition::getId,
                        d -> d.getName() != null ? d.getName() : d.getKey()));
        Map<String, String> references = runtime.createProcessInstanceQuery()
                .processInstanceIds(incidents.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId,
                        p -> p.getBusinessKey() == null ? "" : p.getBusinessKey(), (a, b) -> a));
        return incidents.stream().map(i -> new Open(i.getId(), i.getIncidentTimestamp(),
                names.getOrDefault(i.getProcessDefinitionId(), i.getProcessDefinitionId()),
                references.getOrDefault(i.getProcessInstanceId(), ""), stepName(i), i.getIncidentMessage(),
                Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType()) ? i.getConfiguration() : null)).toList();
    }

    /** The step's name from the model, as people know it ("Alert the DSLs"), else its id. */
    private String stepName(Incident i) {
        if (i.getActivityId() == null) {
            return "";
        }
        ModelElementInstance element = repository.getBpmnModelInstance(i.getProcessDefinitionId()).getModelElementById(i.getActivityId());
        String name = element == null ? null : element.getAttributeValue("name");
        return name == null ? i.getActivityId() : name;
    }

    /** Gives the failed job one more try; the job executor picks it up at once. */
    public Open retry(String incidentId) {
        Open incident = open().stream().filter(i -> i.id().equals(incidentId)).findFirst()
                .orElseThrow(() -> new TaskUnavailableException(TaskUnavailableException.Reason.NOT_FOUND,
                        "This incident is resolved already, or does not exist."));
        if (incident.jobId() == null) {
            throw new TaskUnavailableException(TaskUnavailableException.Reason.NOT_FOUND,
                    "This incident is not a failed job; resolve it in Cockpit.");
        }
        management.setJobRetries(incident.jobId(), 1);
        return incident;
    }

}
