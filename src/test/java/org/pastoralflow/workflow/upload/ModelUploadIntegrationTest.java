package org.pastoralflow.workflow.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.workflow.models.ModelDeployment;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator uploads a model changed in the Modeler, over real HTTP on PostgreSQL: refused uploads say why
 * and deploy nothing, a valid one deploys as the next version with who and why, running cases move to it as a
 * batch, and an earlier version is put back. Every test puts the shipped contact follow-up model back as the
 * newest version and ends the cases it started: the other tests in this JVM use the same engine.
 */
@PostgresIntegrationTest
class ModelUploadIntegrationTest {

    static final String KEY = "contact-follow-up";
    static final String NAME = "Follow up the contact with home";
    static final String TASK = "camunda:formKey=\"app:family/follow-up\" camunda:assignee=\"${loggedBy}\" camunda:dueDate=\"${followUpDue}\"";
    static final String INCOMING = "<bpmn:incoming>Flow_Logged</bpmn:incoming>";

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ModelDeployments deployments;
    @Autowired JdbcTemplate jdbc;

    final List<String> started = new ArrayList<>();
    final String run = UUID.randomUUID().toString().substring(0, 8);

    static String original() throws IOException {
        return Files.readString(Path.of("processes/" + KEY + ".bpmn"));
    }

    @AfterEach
    void putBack() throws IOException {
        for (String id : started) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "ModelUploadIntegrationTest is done with it");
            }
        }
        ProcessDefinition newest = newest();
        String now = new String(deployments.file(newest.getDeploymentId(), newest.getResourceName()), StandardCharsets.UTF_8);
        if (!now.equals(original())) {
            deployments.deploy(KEY + ".bpmn", original().getBytes(StandardCharsets.UTF_8), "The shipped model again after "
                    + "ModelUploadIntegrationTest", "admin", ModelDeployment.How.UPLOAD, null);
        }
    }

    ProcessDefinition newest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    }

    long modelDeploymentRows() {
        return jdbc.queryForObject("select count(*) from model_deployment", Long.class);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void eachRefusedUploadSaysWhyAndDeploysNothing() throws Exception {
        HttpUser admin = HttpUser.signedIn(port, "admin");
        String service = original().replace("bpmn:userTask", "bpmn:serviceTask");
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("a script task", new String[] {original().replace("bpmn:userTask", "bpmn:scriptTask").replace(TASK, "scriptFormat=\"groovy\"")
                .replace("<bpmn:outgoing>Flow_Done</bpmn:outgoing>\n    </bpmn:scriptTask>",
                        "<bpmn:outgoing>Flow_Done</bpmn:outgoing><bpmn:script>1</bpmn:script></bpmn:scriptTask>"), "is a script task"});
        cases.put("an execution listener", new String[] {original().replace(INCOMING, "<bpmn:extensionElements><camunda:executionListener "
                + "event=\"start\" delegateExpression=\"${addIncidentToCaseFiles}\" /></bpmn:extensionElements>" + INCOMING),
                "has an execution listener"});
        cases.put("a task listener", new String[] {original().replace(INCOMING, "<bpmn:extensionElements><camunda:taskListener "
                + "event=\"create\" expression=\"${loggedBy}\" /></bpmn:extensionElements>" + INCOMING), "has a task listener"});
        cases.put("a bean reaching every record", new String[] {original().replace("${followUpDue}", "${caseStore.everythingAbout(1)}"),
                "has the expression \u201c${caseStore.everythingAbout(1)}\u201d, which calls caseStore"});
        cases.put("the engine", new String[] {original().replace("${loggedBy}", "${execution.processEngineServices.runtimeService}"),
                "uses execution, which reaches into the engine"});
        cases.put("an unknown form", new String[] {original().replace("app:family/follow-up", "app:family/no-such-form"),
                "has the form \u201capp:family/no-such-form\u201d, which this application does not have"});
        cases.put("an unknown delegate", new String[] {service.replace(TASK, "camunda:delegateExpression=\"${sendEverythingAway}\""),
                "calls ${sendEverythingAway}, which is not one of this application"});
        cases.put("a bean that is no delegate", new String[] {service.replace(TASK, "camunda:delegateExpression=\"${caseStore}\""),
                "calls ${caseStore}, which is not one of this application"});
        cases.put("an unknown group", new String[] {original().replace("camunda:assignee=\"${loggedBy}\"",
                "camunda:candidateGroups=\"leadership\""), "is offered to \u201cleadership\u201d, which is not a group"});
        cases.put("a bad timer", new String[] {ModelChecksTest.withTimer("<bpmn:timeDuration>two days</bpmn:timeDuration>"),
                "has the timer duration \u201ctwo days\u201d, which the engine cannot read"});
        cases.put("what the engine refuses", new String[] {original().replace("<bpmn:outgoing>Flow_Done</bpmn:outgoing>\n    </bpmn:userTask>",
                "<bpmn:outgoing>Flow_Done</bpmn:outgoing><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>"),
                "is refused by the engine"});
        cases.put("a new key", new String[] {original().replace("bpmn:process id=\"" + KEY + "\"", "bpmn:process id=\"everything-export\""),
                "a new key would start nothing"});
        int versions = newest().getVersion();
        long rows = modelDeploymentRows();
        List<String> wrong = new ArrayList<>();
        cases.forEach((what, c) -> {
            HttpResponse<String> r = upload(admin, c[0].getBytes(StandardCharsets.UTF_8), "Trying " + what);
            if (r.statusCode() != 422 || !text(r).contains(c[1]) || r.body().contains("Deploy this version")) {
                wrong.add(what + ": " + r.statusCode() + " " + abbreviate(text(r)));
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(newest().getVersion()).isEqualTo(versions);
        assertThat(modelDeploymentRows()).isEqualTo(rows);
    }

    @Test
    void hostileFilesAndFieldsAreRefusedNamingTheField() throws Exception {
        HttpUser admin = HttpUser.signedIn(port, "admin");
        int versions = newest().getVersion();
        HttpResponse<String> notXml = upload(admin, "{\"this\": \"is json\"}".getBytes(StandardCharsets.UTF_8), "Not a model");
        assertThat(notXml.statusCode()).isEqualTo(422);
        assertThat(text(notXml)).contains("is not well-formed XML");
        HttpResponse<String> xxe = upload(admin, ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</bpmn:definitions>")
                .getBytes(StandardCharsets.UTF_8), "An entity");
        assertThat(xxe.statusCode()).isEqualTo(422);
        assertThat(text(xxe)).contains("has a DOCTYPE declaration").doesNotContain("root:x:0");
        byte[] large = (original().replace("</bpmn:definitions>", "<!-- " + "x".repeat(ModelUploads.LARGEST) + " --></bpmn:definitions>"))
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooLarge = upload(admin, large, "Large");
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(named(tooLarge, "file")).contains("larger than 2 MB");
        HttpResponse<String> huge = upload(admin, new byte[11 * 1024 * 1024], "Huge");
        // the container's limit (spring.servlet.multipart, 10 MB) is met while the CSRF filter reads the form, before any
        // controller: a 413 with nothing read (system.UploadProblems words it when the dispatcher sees it first)
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<String> noReason = upload(admin, original().getBytes(StandardCharsets.UTF_8), "  ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(named(noReason, "reason")).isNotEmpty();
        HttpResponse<String> nul = upload(admin, original().getBytes(StandardCharsets.UTF_8), "Because\u0000");
        assertThat(nul.statusCode()).isEqualTo(422);
        assertThat(named(nul, "reason")).contains("control character");
        HttpResponse<String> noFile = upload(admin, null, "No file");
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(named(noFile, "file")).contains("Choose the .bpmn file");
        assertThat(newest().getVersion()).isEqualTo(versions);
        // the deploy button of a file never checked (or checked in another session) deploys nothing
        String csrf = admin.csrfFrom("/workflows/upload");
        HttpResponse<String> unchecked = admin.postWithToken("/workflows/upload/deploy", Map.of("checked", "0".repeat(64),
                "reason", "Never checked"), csrf);
        assertThat(unchecked.statusCode()).isEqualTo(409);
        assertThat(newest().getVersion()).isEqualTo(versions);
    }

    // ---------------------------------------------------------------- deploy, migrate, restore

    @Test
    void aValidUploadDeploysAsTheNextVersionWithWhoAndWhyAndItsRunningCasesMove() throws Exception {
        HttpUser admin = HttpUser.signedIn(port, "admin");
        ProcessDefinition before = newest();
        String first = start("CASE-" + run + "-A");
        String second = start("CASE-" + run + "-B");

        String renamed = original().replace(NAME, "Follow up with home " + run);
        HttpResponse<String> checked = upload(admin, renamed.getBytes(StandardCharsets.UTF_8), "Clearer task name " + run);
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(text(checked)).contains("Passed.").doesNotContain("Refused.");
        // a task renamed changes no path: the dry run replays every recorded path of the model, and each completes
        java.util.regex.Matcher dryRun = java.util.regex.Pattern.compile("(\\d+) of (\\d+) recorded paths complete").matcher(text(checked));
        assertThat(dryRun.find()).as("the dry run's summary on the page").isTrue();
        assertThat(dryRun.group(1)).isEqualTo(dryRun.group(2));
        assertThat(Integer.parseInt(dryRun.group(2))).isPositive();
        HttpResponse<String> deployed = admin.postWithToken("/workflows/upload/deploy", Map.of("checked", fingerprint(checked.body()),
                "reason", "Clearer task name " + run), csrf(checked.body()));
        assertThat(deployed.statusCode()).isEqualTo(302);
        assertThat(deployed.headers().firstValue("Location").orElseThrow()).endsWith("/workflows/models/" + KEY + "/migrate");

        ProcessDefinition after = newest();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(((UserTask) repository.getBpmnModelInstance(after.getId()).getModelElementById("Task_FollowUp")).getName())
                .isEqualTo("Follow up with home " + run);
        ModelDeployment record = deployments.recordOf(after.getDeploymentId()).orElseThrow();
        assertThat(record.getDeployedBy()).isEqualTo("admin");
        assertThat(record.getReason()).isEqualTo("Clearer task name " + run);
        assertThat(record.getHow()).isEqualTo(ModelDeployment.How.UPLOAD);
        assertThat(new String(deployments.file(after.getDeploymentId(), after.getResourceName()), StandardCharsets.UTF_8)).isEqualTo(renamed);
        // the same fingerprint deploys nothing twice
        assertThat(admin.postWithToken("/workflows/upload/deploy", Map.of("checked", fingerprint(checked.body()), "reason", "Again"),
                csrf(checked.body())).statusCode()).isEqualTo(409);

        // the cases started before stay on the old version until moved; the preview names them by engine id only
        assertThat(definitionOf(first)).isEqualTo(before.getId());
        HttpResponse<String> preview = admin.get("/workflows/models/" + KEY + "/migrate?from=" + before.getId());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(text(preview)).contains(first, second, NAME).doesNotContain("CASE-" + run);
        String move = admin.csrfFrom("/workflows/models/" + KEY + "/migrate?from=" + before.getId());
        List<String> batchesBefore = management.createBatchQuery().list().stream().map(Batch::getId).toList();
        HttpResponse<String> moved = admin.postWithToken("/workflows/models/" + KEY + "/migrate", Map.of("from", before.getId()), move);
        assertThat(moved.statusCode()).isEqualTo(302);
        Batch batch = management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list().stream()
                .filter(b -> !batchesBefore.contains(b.getId())).findFirst().orElseThrow();
        assertThat(batch.getTotalJobs()).isEqualTo(2);
        assertThat(text(admin.get("/workflows/models/" + KEY + "/migrate"))).contains("Started Cases Moved Waiting Failed");
        runBatch(batch);
        assertThat(management.createBatchQuery().batchId(batch.getId()).count()).as("the monitor job ends a finished batch").isZero();
        assertThat(definitionOf(first)).isEqualTo(after.getId());
        assertThat(definitionOf(second)).isEqualTo(after.getId());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where record_type = ? and action = 'MIGRATE' and detail like ?",
                Long.class, ModelDeployments.AUDIT_TYPE, "Moving % running " + KEY + " workflows from version " + before.getVersion()
                        + " to version " + after.getVersion() + "%")).isEqualTo(1L);
    }

    @Test
    void aCaseWaitingAtAStepTheNewestVersionLacksCannotMove() throws Exception {
        HttpUser admin = HttpUser.signedIn(port, "admin");
        ProcessDefinition before = newest();
        String waiting = start("CASE-" + run + "-C");
        String changed = original().replace("Task_FollowUp", "Task_FollowUpAgain");
        deployments.deploy(KEY + ".bpmn", changed.getBytes(StandardCharsets.UTF_8), "A step with a new id", "admin",
                ModelDeployment.How.UPLOAD, null);
        HttpResponse<String> preview = admin.get("/workflows/models/" + KEY + "/migrate?from=" + before.getId());
        // other tests in the shared database leave follow-ups of their own on this version: every one waits at the same step
        long onThatVersion = runtime.createProcessInstanceQuery().processDefinitionId(before.getId()).count();
        assertThat(onThatVersion).isPositive();
        assertThat(text(preview)).contains("0 cases can move", NAME + ": " + onThatVersion + (onThatVersion == 1 ? " case" : " cases"),
                waiting);
        String csrf = admin.csrfFrom("/workflows/models/" + KEY + "/migrate?from=" + before.getId());
        admin.postWithToken("/workflows/models/" + KEY + "/migrate", Map.of("from", before.getId()), csrf);
        assertThat(definitionOf(waiting)).isEqualTo(before.getId());
    }

    @Test
    void anEarlierVersionIsPutBackIfTodaysApplicationStillHasWhatItUses() throws Exception {
        HttpUser admin = HttpUser.signedIn(port, "admin");
        ProcessDefinition shipped = newest();
        // a version that used a form the application no longer has (deployed past the checks, as an old release would be)
        deployments.deploy(KEY + ".bpmn", original().replace("app:family/follow-up", "app:family/retired-form").getBytes(StandardCharsets.UTF_8),
                "A form of an older release", "admin", ModelDeployment.How.UPLOAD, null);
        ProcessDefinition retired = newest();
        deployments.deploy(KEY + ".bpmn", original().replace(NAME, "Renamed " + run).getBytes(StandardCharsets.UTF_8), "Renamed",
                "admin", ModelDeployment.How.UPLOAD, null);
        ProcessDefinition renamed = newest();

        HttpResponse<String> refused = admin.get("/workflows/models/" + KEY + "/restore/" + retired.getId());
        assertThat(text(refused)).contains("Refused.", "app:family/retired-form");
        assertThat(refused.body()).doesNotContain("Put back version " + retired.getVersion() + "</button>");
        String csrf = admin.csrfFrom("/workflows/models/" + KEY + "/restore/" + shipped.getId());
        assertThat(admin.postWithToken("/workflows/models/" + KEY + "/restore/" + retired.getId(), Map.of("reason", "Try"), csrf)
                .statusCode()).isEqualTo(422);
        assertThat(newest().getId()).isEqualTo(renamed.getId());

        HttpResponse<String> page = admin.get("/workflows/models/" + KEY + "/restore/" + shipped.getId());
        assertThat(text(page)).contains("Passed.");
        assertThat(admin.postWithToken("/workflows/models/" + KEY + "/restore/" + shipped.getId(), Map.of("reason", ""), csrf)
                .statusCode()).isEqualTo(422);
        HttpResponse<String> restored = admin.postWithToken("/workflows/models/" + KEY + "/restore/" + shipped.getId(),
                Map.of("reason", "The old name was clearer"), csrf);
        assertThat(restored.statusCode()).isEqualTo(302);
        ProcessDefinition back = newest();
        assertThat(back.getVersion()).isEqualTo(renamed.getVersion() + 1);
        assertThat(new String(deployments.file(back.getDeploymentId(), back.getResourceName()), StandardCharsets.UTF_8))
                .isEqualTo(new String(deployments.file(shipped.getDeploymentId(), shipped.getResourceName()), StandardCharsets.UTF_8));
        ModelDeployment record = deployments.recordOf(back.getDeploymentId()).orElseThrow();
        assertThat(record.getHow()).isEqualTo(ModelDeployment.How.RESTORE);
        assertThat(record.getRestoredFrom()).isEqualTo(shipped.getId());
        assertThat(admin.get("/workflows/models/" + KEY + "/restore/" + repository.createProcessDefinitionQuery()
                .processDefinitionKey("referral").latestVersion().singleResult().getId()).statusCode()).as("another process's version").isEqualTo(404);
    }

    // ---------------------------------------------------------------- helpers

    String start(String businessKey) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, businessKey, Map.of("loggedBy", "teacher",
                "followUpDue", new Date(System.currentTimeMillis() + 86_400_000L)));
        started.add(instance.getId());
        return instance.getId();
    }

    String definitionOf(String instanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getProcessDefinitionId();
    }

    /** What the job executor does in production: the seed job, each migration job, then the monitor job. */
    void runBatch(Batch batch) {
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
            for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                management.executeJob(job.getId());
            }
        }
    }

    HttpResponse<String> upload(HttpUser user, byte[] file, String reason) {
        String boundary = "----upload" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", user.csrfFrom("/workflows/upload"));
        part(body, boundary, "reason", reason);
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"changed.bpmn\"\r\n"
                    + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return user.postBody("/workflows/upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static void part(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static String fingerprint(String page) {
        Matcher m = Pattern.compile("name=\"checked\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertThat(m.find()).as("a Deploy button").isTrue();
        return m.group(1);
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String text(HttpResponse<String> r) {
        return org.jsoup.Jsoup.parse(r.body()).text();
    }

    static String named(HttpResponse<String> r, String field) {
        org.jsoup.nodes.Element e = org.jsoup.Jsoup.parse(r.body()).getElementById(field + "-error");
        return e == null ? "" : e.text();
    }

    static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
