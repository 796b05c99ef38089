package org.pastoralflow.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.spring.StartUpDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.workflow.models.WorkflowVersions.Version;
import org.pastoralflow.workflow.models.WorkflowVersions.Workflow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the next start of a new release does to a table the school changed (ADR 0032): the Spring Boot starter
 * deploys processes/ again under its own deployment name, and with {@code deploy-changed-only} only the files the
 * release changed become new versions. A school's table stays the newest when the release did not change that
 * file, even when it changed another; when the release did change it, the Workflows page says so.
 * <p>
 * "The release before" is made by deploying a reworded copy of a file under the starter's name, so that the file
 * on the classpath is, to the starter, a changed one. Every copy routes exactly as the release's file does, and
 * each test leaves the release's file as the newest version of what it touched.
 */
@PostgresIntegrationTest
class ReleaseUpgradeIntegrationTest {

    static final String SCHOOLS_TABLE = "transition-triage.dmn";
    static final String OTHER_TABLE = "referral-handover.dmn";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired ModelDeployments deployments;
    @Autowired WorkflowVersions versions;

    @AfterEach
    void theReleasesFilesAreTheNewestAgain() throws IOException {
        for (String file : List.of(SCHOOLS_TABLE, OTHER_TABLE)) {
            Version newest = versions.one(key(file)).orElseThrow().current();
            if (!Arrays.equals(versions.file(newest), WorkflowsPageIntegrationTest.release(file))) {
                deployments.deploy(file, WorkflowsPageIntegrationTest.release(file),
                        "The release's table back after ReleaseUpgradeIntegrationTest", "lead", ModelDeployment.How.RESTORE, null);
            }
        }
    }

    @Test
    void theStarterDeploysOnlyTheFilesAReleaseChanged() {
        assertThat(StartUpDeployment.deploysChangedFilesOnly(engine)).as("camunda.bpm.generic-properties deploy-changed-only").isTrue();
    }

    @Test
    void aSchoolsTableStaysTheNewestWhenTheReleaseChangedAnotherFile() throws IOException {
        ModelDeployments.Deployed school = deployments.deploy(SCHOOLS_TABLE, reworded(SCHOOLS_TABLE, "school"),
                "Our own words for the triage", "lead", ModelDeployment.How.TABLE_EDITOR, null);
        previousRelease(OTHER_TABLE);

        StartUpDeployment.runAgain(engine);

        assertThat(newest(key(SCHOOLS_TABLE)).getDeploymentId()).isEqualTo(school.deploymentId());
        DecisionDefinition other = newest(key(OTHER_TABLE));
        assertThat(deploymentOf(other).getName()).isEqualTo(StartUpDeployment.deploymentName(engine));
        assertThat(versions.file(versions.one(key(OTHER_TABLE)).orElseThrow().current()))
                .isEqualTo(WorkflowsPageIntegrationTest.release(OTHER_TABLE));
        assertThat(versions.one(key(SCHOOLS_TABLE)).orElseThrow().replacedByRelease()).isEmpty();

        // and a start with nothing changed deploys nothing at all
        long startUps = repository.createDeploymentQuery().deploymentName(StartUpDeployment.deploymentName(engine)).count();
        StartUpDeployment.runAgain(engine);
        assertThat(repository.createDeploymentQuery().deploymentName(StartUpDeployment.deploymentName(engine)).count())
                .isEqualTo(startUps);
        assertThat(newest(key(SCHOOLS_TABLE)).getDeploymentId()).isEqualTo(school.deploymentId());
    }

    @Test
    void aReleaseThatChangedTheSchoolsTableReplacesItAndThePageSaysSo() throws IOException {
        previousRelease(SCHOOLS_TABLE);
        ModelDeployments.Deployed school = deployments.deploy(SCHOOLS_TABLE, reworded(SCHOOLS_TABLE, "school"),
                "Our own words for the triage", "lead", ModelDeployment.How.TABLE_EDITOR, null);

        StartUpDeployment.runAgain(engine);

        Workflow triage = versions.one(key(SCHOOLS_TABLE)).orElseThrow();
        assertThat(triage.current().bySchool()).isFalse();
        Version replaced = triage.replacedByRelease().orElseThrow();
        assertThat(replaced.deploymentId()).isEqualTo(school.deploymentId());

        String page = HttpUser.signedIn(port, "lead").get("/workflows").body();
        assertThat(page).contains("The release replaced your version " + replaced.version() + " of ")
                .contains("/workflows/tables/" + key(SCHOOLS_TABLE) + "/edit?from=" + replaced.definitionId());
        assertThat(HttpUser.signedIn(port, "dsl").get("/workflows/" + key(SCHOOLS_TABLE)).body())
                .contains("The release replaced your version " + replaced.version() + " of ");
    }

    /** A deployment under the starter's name of a reworded copy: to the next start, the classpath's file is a change. */
    void previousRelease(String file) throws IOException {
        repository.createDeployment().name(StartUpDeployment.deploymentName(engine))
                .addString(startUpResourceName(file), new String(reworded(file, "release"), StandardCharsets.UTF_8)).deploy();
    }

    /** The name the starter gave the file at this application's start (a path on a file system, a name in a jar). */
    String startUpResourceName(String file) {
        Deployment first = repository.createDeploymentQuery().deploymentName(StartUpDeployment.deploymentName(engine))
                .orderByDeploymentTime().asc().list().get(0);
        return repository.getDeploymentResourceNames(first.getId()).stream()
                .filter(name -> name.equals(file) || name.replace('\\', '/').endsWith("/" + file)).findFirst().orElseThrow();
    }

    /** The release's file with a comment added: other bytes, the same table. */
    static byte[] reworded(String file, String by) throws IOException {
        String xml = new String(WorkflowsPageIntegrationTest.release(file), StandardCharsets.UTF_8);
        return xml.replace("</definitions>", "<!-- reworded by the " + by + " " + System.nanoTime() + " --></definitions>")
                .getBytes(StandardCharsets.UTF_8);
    }

    DecisionDefinition newest(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    Deployment deploymentOf(DecisionDefinition definition) {
        return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    }

    static String key(String file) {
        return file.substring(0, file.length() - ".dmn".length());
    }
}
