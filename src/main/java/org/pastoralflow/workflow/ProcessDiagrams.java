package org.pastoralflow.workflow;

import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.pastoralflow.security.Confidentiality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The model of a running instance and where it stands now, for drawing it with its current step marked. */
@Service
public class ProcessDiagrams {

    /**
     * A step the instance is at now: the element id in the model, its name, and the confidentiality
     * the model gives it ({@code <camunda:property name="confidentiality" value="safeguarding"/>} on a
     * timer or message wait of a safeguarding branch), or null when the model says nothing.
     */
    public record Step(String id, String name, Confidentiality confidentiality) {
    }

    /** The extension property by which a model marks a step as more confidential than its record. */
    public static final String CONFIDENTIALITY_PROPERTY = "confidentiality";

    private final RuntimeService runtime;
    private final RepositoryService repository;

    ProcessDiagrams(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    /** Of these instance ids, those still running, each with its process definition id. */
    @Transactional(readOnly = true)
    public Map<String, String> running(Collection<String> processInstanceIds) {
        Set<String> ids = processInstanceIds.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getProcessDefinitionId));
    }

    /** The steps the instance is waiting at (user tasks, timers, message events), in the model's words. */
    @Transactional(readOnly = true)
    public List<Step> currentSteps(String processInstanceId, String processDefinitionId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        Set<String> active = new LinkedHashSet<>();
        for (String id : runtime.getActiveActivityIds(processInstanceId)) {
            // a multi-instance activity is active as its body too; the diagram shape has the activity's id
            active.add(id.replace("#multiInstanceBody", ""));
        }
        List<Step> steps = new ArrayList<>();
        for (String id : active) {
            FlowElement element = model.getModelElementById(id);
            steps.add(new Step(id, element == null || element.getName() == null ? id : element.getName(), levelOf(element)));
        }
        return steps;
    }

    private static Confidentiality levelOf(FlowElement element) {
        if (element == null || element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(ps -> ps.getCamundaProperties().stream())
                .filter(prop -> CONFIDENTIALITY_PROPERTY.equals(prop.getCamundaName()))
                .map(prop -> Confidentiality.valueOf(prop.getCamundaValue().toUpperCase()))
                .findFirst().orElse(null);
    }

    /** The BPMN XML the instance runs on (with its diagram information), as deployed. */
    @Transactional(readOnly = true)
    public byte[] modelXml(String processDefinitionId) {
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
