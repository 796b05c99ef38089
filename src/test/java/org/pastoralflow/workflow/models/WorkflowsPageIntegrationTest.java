package org.pastoralflow.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.workflow.StaffNames;
import org.pastoralflow.workflow.models.WorkflowVersions.Version;
import org.pastoralflow.workflow.models.WorkflowVersions.Workflow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The Workflows page on PostgreSQL: every model the release ships with its version and running instances, a
 * version the school deployed with who, why, how and what changed, the exact file of any version, and who may see
 * it (an administrator sees counts, never a case).
 */
@PostgresIntegrationTest
class WorkflowsPageIntegrationTest {

    static final String TABLE = "behaviour-thresholds.dmn";
    static final String TABLE_KEY = "behaviour-thresholds";
    static final String REASON = "Clearer words for the Heads of Year " + System.nanoTime();

    @LocalServerPort int port;
    @Autowired ModelDeployments deployments;
    @Autowired WorkflowVersions versions;
    @Autowired RuntimeService runtime;
    @Autowired ReferralService referrals;
    @Autowired StudentRepository students;
    @Autowired AuditRepository audit;
    @Autowired StaffNames people;

    boolean deployedTable;

    /** Other tests in this JVM ask the behaviour table: its newest version must be the release's file again. */
    @AfterEach
    void putTheReleasesTableBack() throws IOException {
        if (deployedTable) {
            deployments.deploy(TABLE, release(TABLE), "The release's table back after WorkflowsPageIntegrationTest", "lead",
                    ModelDeployment.How.RESTORE, null);
        }
    }

    @Test
    void listsEveryProcessAndDecisionOfTheReleaseWithItsVersionAndRunningInstances() throws IOException {
        raiseAConcern();

        String page = HttpUser.signedIn(port, "lead").get("/workflows").body();

        List<String> keys = releaseKeys();
        assertThat(keys).contains("referral", "referral-routing", "transition", "behaviour-thresholds").hasSizeGreaterThanOrEqualTo(20);
        for (String key : keys) {
            Workflow w = versions.one(key).orElseThrow();
            assertThat(page).contains("href=\"/workflows/" + key + "\"");
            assertThat(page).contains(HtmlUtils.htmlEscape(w.name()));
        }
        Workflow referral = versions.one("referral").orElseThrow();
        long running = runtime.createProcessInstanceQuery().processDefinitionKey("referral").count();
        assertThat(running).isPositive();
        assertThat(referral.running()).isEqualTo(running);
        assertThat(page).contains(referral.withRunning().get(0).running() + " on version " + referral.withRunning().get(0).version());
    }

    @Test
    void aVersionDeployedInTheApplicationShowsWhoWhyHowAndWhatChanged() throws IOException {
        byte[] changed = changedTable();
        ModelDeployments.Deployed deployed = deployTable(changed);

        HttpUser lead = HttpUser.signedIn(port, "lead");
        String overview = lead.get("/workflows").body();
        String page = lead.get("/workflows/" + TABLE_KEY).body();

        assertThat(overview).contains(REASON);
        assertThat(page).contains(REASON, "Edited in the table editor", HtmlUtils.htmlEscape(people.name("lead")),
                "Version " + deployed.definitions().get(0).version() + ", the current version");
        // what changed, in words, from the version before
        assertThat(HtmlUtils.htmlUnescape(page)).contains("What changed from version " + (deployed.definitions().get(0).version() - 1))
                .contains("annotation changed from “5 or more negative points in a school week");
        // the table itself, read-only: the hit policy and the cells as written
        assertThat(HtmlUtils.htmlUnescape(page)).contains("FIRST. The rows are read from the top").contains("<code>>= 5</code>")
                .contains("Negative points this school week");
        // tables are edited by the Pastoral Lead and the DSL: the links are theirs, not an administrator's
        assertThat(page).contains("/workflows/tables/" + TABLE_KEY + "/edit\"");
        assertThat(HttpUser.signedIn(port, "admin").get("/workflows/" + TABLE_KEY).body())
                .contains(REASON).doesNotContain("/workflows/tables/" + TABLE_KEY + "/edit");
    }

    @Test
    void anEarlierVersionShowsItsOwnChangesAndCanBePutBack() throws IOException {
        ModelDeployments.Deployed deployed = deployTable(changedTable());
        Workflow w = versions.one(TABLE_KEY).orElseThrow();
        Version earlier = w.before(w.version(deployed.definitions().get(0).id()).orElseThrow()).orElseThrow();

        String page = HttpUser.signedIn(port, "dsl").get("/workflows/" + TABLE_KEY + "?version=" + earlier.definitionId()).body();

        assertThat(page).contains("Version " + earlier.version() + "</h2>")
                .contains("/workflows/tables/" + TABLE_KEY + "/edit?from=" + earlier.definitionId());
    }

    @Test
    void eachVersionDownloadsAsExactlyTheFileDeployed() throws IOException {
        byte[] changed = changedTable();
        ModelDeployments.Deployed deployed = deployTable(changed);
        HttpUser lead = HttpUser.signedIn(port, "lead");

        HttpResponse<byte[]> school = lead.getBytes("/workflows/" + TABLE_KEY + "/versions/" + deployed.definitions().get(0).id() + "/file");
        assertThat(school.statusCode()).isEqualTo(200);
        assertThat(school.body()).isEqualTo(changed);
        assertThat(school.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("attachment").contains("filename=\"" + TABLE + "\""));

        Version releasesReferral = versions.one("referral").orElseThrow().versions().stream()
                .filter(v -> !v.bySchool()).findFirst().orElseThrow();
        HttpResponse<byte[]> release = lead.getBytes("/workflows/referral/versions/" + releasesReferral.definitionId() + "/file");
        assertThat(release.body()).isEqualTo(release("referral.bpmn"));
        assertThat(release.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("filename=\"referral.bpmn\""));

        assertThat(audit.findTop100ByOrderByAtDesc()).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("lead");
            assertThat(e.getAction()).isEqualTo("EXPORT");
            assertThat(e.getRecordType()).isEqualTo(ModelDeployments.AUDIT_TYPE);
            assertThat(e.getDetail()).isEqualTo("referral version " + releasesReferral.version() + " downloaded as referral.bpmn");
        });
        // a version of another key is not this key's
        assertThat(lead.getBytes("/workflows/referral/versions/" + deployed.definitions().get(0).id() + "/file").statusCode())
                .isEqualTo(404);
        assertThat(lead.get("/workflows/no-such-workflow").statusCode()).isEqualTo(404);
    }

    @Test
    void aProcessShowsItsDiagramFromTheVersionsOwnModel() throws IOException {
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        Version current = versions.one("referral").orElseThrow().current();

        String page = dsl.get("/workflows/referral").body();
        HttpResponse<byte[]> model = dsl.getBytes("/workflows/referral/versions/" + current.definitionId() + "/model.bpmn");

        assertThat(page).contains("data-model-url=\"/workflows/referral/versions/" + current.definitionId() + "/model.bpmn\"",
                "bpmn-navigated-viewer.production.min.js");
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.body()).isEqualTo(versions.file(current));
        Version table = versions.one(TABLE_KEY).orElseThrow().current();
        assertThat(dsl.get("/workflows/" + TABLE_KEY + "/versions/" + table.definitionId() + "/model.bpmn").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAdministratorSeesModelsAndCountsButNoCase() {
        Student student = raiseAConcern();
        Referral referral = referrals.raise(concern(student), new Viewer("teacher", "Tess", java.util.Set.of("staff")));
        HttpUser admin = HttpUser.signedIn(port, "admin");

        String overview = admin.get("/workflows").body();
        String page = admin.get("/workflows/referral").body();

        assertThat(overview).contains("href=\"/workflows/referral\"");
        assertThat(page).contains(versions.one("referral").orElseThrow().running() + " running");
        for (String body : List.of(overview, page)) {
            assertThat(body).doesNotContain(referral.getReference(), student.getUpn(), student.getLegalSurname());
        }
        // models are uploaded by administrators: the upload and restore links are theirs
        assertThat(page).contains("href=\"/workflows/upload\"");
    }

    @Test
    void noOneElseSeesIt() {
        for (String user : List.of("teacher", "pso", "hoy", "senco", "head")) {
            HttpUser someone = HttpUser.signedIn(port, user);
            assertThat(someone.get("/workflows").statusCode()).as(user).isEqualTo(403);
            assertThat(someone.get("/workflows/referral").statusCode()).as(user).isEqualTo(403);
            Version current = versions.one("referral").orElseThrow().current();
            assertThat(someone.get("/workflows/referral/versions/" + current.definitionId() + "/file").statusCode()).as(user)
                    .isEqualTo(403);
            assertThat(someone.get("/referrals/mine").body()).as(user).doesNotContain("href=\"/workflows\"");
        }
        assertThat(HttpUser.signedIn(port, "lead").get("/referrals/mine").body()).contains("href=\"/workflows\"");
    }

    // ---- helpers ----

    ModelDeployments.Deployed deployTable(byte[] xml) {
        deployedTable = true;
        return deployments.deploy(TABLE, xml, REASON, "lead", ModelDeployment.How.TABLE_EDITOR, null);
    }

    /** The release's behaviour table with one row's annotation reworded: it routes exactly as before. */
    static byte[] changedTable() throws IOException {
        String xml = new String(release(TABLE), StandardCharsets.UTF_8);
        String changed = xml.replace("5 or more negative points in a school week", "Five negative points or more in one school week");
        assertThat(changed).isNotEqualTo(xml);
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] release(String file) throws IOException {
        try (InputStream in = WorkflowsPageIntegrationTest.class.getResourceAsStream("/processes/" + file)) {
            return in.readAllBytes();
        }
    }

    /** Every process and decision key the release's files in processes/ define. */
    static List<String> releaseKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.*")) {
            try (InputStream in = file.getInputStream()) {
                if (file.getFilename().endsWith(".bpmn")) {
                    Bpmn.readModelFromStream(in).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                            .forEach(p -> keys.add(p.getId()));
                } else if (file.getFilename().endsWith(".dmn")) {
                    Dmn.readModelFromStream(in).getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                            .forEach(d -> keys.add(d.getId()));
                }
            }
        }
        return keys;
    }

    Student raiseAConcern() {
        Student student = students.findByUpn("U873400126000").orElseThrow();
        referrals.raise(concern(student), new Viewer("teacher", "Tess", java.util.Set.of("staff")));
        return student;
    }

    static FormData concern(Student student) {
        return new FormData(Map.of("studentId", student.getId().toString(), "category", "welfare",
                "description", "Workflows page test " + System.nanoTime(), "occurredAt", JustNow.dateTime()));
    }
}
