package org.pastoralflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One DataSource, one transaction: a service task's write to the case store commits or rolls
 * back with the engine's own state.
 */
@PostgresIntegrationTest
class TransactionIntegrationTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ReferralService referrals;
    @Autowired StudentRepository students;
    @Autowired ChronologyRepository chronology;

    Referral referral;

    @BeforeEach
    void deployProbes() {
        deploy("txProbeFails", true);
        deploy("txProbeSucceeds", false);
        Map<String, String> form = new HashMap<>(Map.of("upn", "U873400126000", "category", "behaviour",
                "description", "Probe " + System.nanoTime(), "occurredAt", "2026-11-20T10:00"));
        referral = referrals.raise(new FormData(form), new Viewer("teacher", "Tess", java.util.Set.of("staff")));
    }

    /** The real "Add concern to case file" delegate, then (optionally) a step that fails. */
    void deploy(String key, boolean failAfterWrite) {
        var builder = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Write").camundaDelegateExpression("${recordConcern}");
        BpmnModelInstance model = failAfterWrite
                ? builder.serviceTask("Task_Fail").camundaExpression("${noSuchBean.explode()}").endEvent().done()
                : builder.endEvent().done();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).enableDuplicateFiltering(true).deploy();
    }

    long concernsAbout(Referral r) {
        return chronology.findAll().stream().filter(e -> r.getId().equals(e.getSourceId())
                && "referral".equals(e.getSourceType()) && e.getKind() == EntryKind.CONCERN).count();
    }

    Map<String, Object> variables() {
        return Map.of("referralId", referral.getId(), "route", "pso");
    }

    @Test
    void theDelegatesWriteIsRolledBackWhenTheEngineTransactionFails() {
        long before = concernsAbout(referral);
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("txProbeFails").count();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("txProbeFails", variables()))
                .hasMessageContaining("noSuchBean");

        assertThat(concernsAbout(referral)).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("txProbeFails").count()).isEqualTo(instances);
    }

    @Test
    void theSameWriteCommitsWhenTheEngineTransactionDoes() {
        long before = concernsAbout(referral);
        runtime.startProcessInstanceByKey("txProbeSucceeds", variables());
        assertThat(concernsAbout(referral)).isEqualTo(before + 1);
    }
}
