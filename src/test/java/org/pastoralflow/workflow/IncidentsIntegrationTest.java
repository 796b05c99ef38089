package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A step that keeps failing becomes an incident; the administrator sees it and tries it again. */
@PostgresIntegrationTest
class IncidentsIntegrationTest {

    /** Stands in for a mail server that is down, then back. */
    public static class FlakyStep implements JavaDelegate {
        static volatile boolean down = true;

        @Override
        public void execute(DelegateExecution execution) {
            if (down) {
                throw new IllegalStateException("Mail server not answering (test)");
            }
            execution.setVariable("sent", true);
        }
    }

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void aFailingStepShowsInCockpitAndOnTheAdminPageAndCanBeRetried() {
        repository.createDeployment().name("incident-test").addModelInstance("flaky.bpmn",
                Bpmn.createExecutableProcess("flaky").name("Flaky test workflow").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("Task_SendLetter").name("Send the letter home")
                        .camundaClass(FlakyStep.class.getName()).camundaAsyncBefore()
                        .endEvent().done()).deploy();
        FlakyStep.down = true;
        ProcessInstance instance = runtime.startProcessInstanceByKey("flaky", "F26-" + System.nanoTime() % 100000);
        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Mail server not answering");
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();

        HttpUser admin = HttpUser.signedIn(port, "admin");
        String page = admin.get("/admin/incidents").body();
        assertThat(page).contains("Flaky test workflow").contains(instance.getBusinessKey()).contains("Send the letter home")
                .contains("Mail server not answering (test)");
        String cockpit = admin.get("/camunda/api/engine/engine/default/incident?processInstanceId=" + instance.getId()).body();
        assertThat(cockpit).contains(incident.getId());
        assertThat(HttpUser.signedIn(port, "dsl").get("/admin/incidents").statusCode()).isEqualTo(403);

        FlakyStep.down = false;
        var retried = admin.post("/admin/incidents/" + incident.getId() + "/retry", Map.of());
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/incidents").body()).contains("Trying \u201cSend the letter home\u201d of Flaky test workflow")
                .doesNotContain("Mail server not answering (test)");
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);

        management.executeJob(job.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()).isNull();
        assertThat(admin.post("/admin/incidents/" + incident.getId() + "/retry", Map.of()).statusCode()).isEqualTo(302);
    }
}
