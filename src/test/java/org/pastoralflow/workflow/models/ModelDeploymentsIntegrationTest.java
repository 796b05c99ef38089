package org.pastoralflow.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file deployed from the application becomes the next version of its key, with who, why and how kept beside the
 * engine's deployment and audited; no reason, nothing deployed. The file deployed is the shipped behaviour table
 * unchanged, so every other test in the shared context sees the same rules.
 */
@PostgresIntegrationTest
class ModelDeploymentsIntegrationTest {

    static final String TABLE = "behaviour-thresholds.dmn";

    @Autowired ModelDeployments deployments;
    @Autowired RepositoryService repository;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDeployedFileIsTheNextVersionWithWhoAndWhyBesideIt() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("processes", TABLE));
        int before = newestVersion();

        ModelDeployments.Deployed deployed = deployments.deploy(TABLE, file, "  Same thresholds, redeployed by the test\r\n",
                "pastoral.lead", ModelDeployment.How.TABLE_EDITOR, null);

        assertThat(deployed.definitions()).extracting(ModelDeployments.Definition::key, ModelDeployments.Definition::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("behaviour-thresholds", before + 1));
        assertThat(newestVersion()).isEqualTo(before + 1);
        ModelDeployment record = deployments.recordOf(deployed.deploymentId()).orElseThrow();
        assertThat(record.getDeployedBy()).isEqualTo("pastoral.lead");
        assertThat(record.getReason()).isEqualTo("Same thresholds, redeployed by the test");
        assertThat(record.getHow()).isEqualTo(ModelDeployment.How.TABLE_EDITOR);
        assertThat(deployments.recordsOf(java.util.List.of(deployed.deploymentId(), "no-such-deployment"))).containsOnlyKeys(deployed.deploymentId());
        assertThat(deployments.file(deployed.deploymentId(), TABLE)).isEqualTo(file);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where record_type = ? and actor = ? and detail like ?",
                Integer.class, ModelDeployments.AUDIT_TYPE, "pastoral.lead", "behaviour-thresholds.dmn deployed as behaviour-thresholds v"
                        + (before + 1) + ": Same thresholds%")).isEqualTo(1);
    }

    @Test
    void withoutAReasonOrWithTextNobodyTypesNothingIsDeployed() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("processes", TABLE));
        int before = newestVersion();

        assertThatThrownBy(() -> deployments.deploy(TABLE, file, " \n ", "pastoral.lead", ModelDeployment.How.TABLE_EDITOR, null))
                .isInstanceOfSatisfying(InvalidFormException.class, e -> assertThat(e.errors()).containsKey("reason"));
        assertThatThrownBy(() -> deployments.deploy(TABLE, file, "because\u0000", "pastoral.lead", ModelDeployment.How.TABLE_EDITOR, null))
                .isInstanceOfSatisfying(InvalidFormException.class, e -> assertThat(e.errors().get("reason")).contains("control character"));
        assertThatThrownBy(() -> deployments.deploy(TABLE, file, "x".repeat(1001), "pastoral.lead", ModelDeployment.How.TABLE_EDITOR, null))
                .isInstanceOfSatisfying(InvalidFormException.class, e -> assertThat(e.errors()).containsKey("reason"));

        assertThat(newestVersion()).isEqualTo(before);
    }

    private int newestVersion() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("behaviour-thresholds").latestVersion().singleResult()
                .getVersion();
    }
}
