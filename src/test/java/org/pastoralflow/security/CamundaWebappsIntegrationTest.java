package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.WebappBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cockpit, Admin and Tasklist run in the real servlet container, so this test starts a real
 * server: one login for the application and the webapps, and only administrators get in. Inside,
 * the administrator operates the workflows and keeps accounts but reads nothing about a child:
 * every call goes over HTTP to the webapps' REST API, as Cockpit's scripts would make it.
 */
@PostgresIntegrationTest
class CamundaWebappsIntegrationTest {

    static final String ENGINE = WebappBrowser.ENGINE;
    static final List<String> ADMIN_GROUPS = List.of("admin", "camunda-admin");
    /** What the webapps' own 403s do not say: the refusals made before the webapps see a request. */
    static final String OURS = "Pastoral Flow does not allow this";

    @LocalServerPort int port;
    @Autowired ReferralService referrals;
    @Autowired StudentRepository students;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired AuthorizationService authorizations;
    @Autowired IdentityService identity;
    @Autowired StaffDirectory directory;
    @Autowired JdbcTemplate jdbc;

    HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void signIn(HttpClient client, String user) throws Exception {
        String form = get(client, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void anAdministratorUsesCockpitWithTheirApplicationLogin() throws Exception {
        HttpClient admin = browser();
        signIn(admin, "admin");
        HttpResponse<String> cockpit = get(admin, "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).as(cockpit.headers().map().toString()).isEqualTo(200);
        HttpResponse<String> me = get(admin, "/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"admin\"");
        HttpResponse<String> definitions = get(admin, "/camunda/api/engine/engine/default/process-definition?key=referral");
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"referral\"");
    }

    @Test
    void nobodyElseGetsIn() throws Exception {
        HttpClient anonymous = browser();
        HttpResponse<String> r = get(anonymous, "/camunda/app/cockpit/default/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get(anonymous, "/camunda/api/engine/engine/default/process-definition").statusCode()).isEqualTo(302);

        for (String user : new String[] {"dsl", "pso", "head", "teacher"}) {
            HttpClient staff = browser();
            signIn(staff, user);
            assertThat(get(staff, "/camunda/app/cockpit/default/").statusCode()).as(user).isEqualTo(403);
            assertThat(get(staff, "/camunda/api/engine/engine/default/task").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        HttpResponse<String> login = get(browser(), "/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    Referral aSafeguardingConcern() {
        var student = students.findByUpn("U873400126000").orElseThrow();
        return referrals.raise(new FormData(Map.of("studentId", student.getId().toString(), "category", "safeguarding",
                "description", "Webapps test " + UUID.randomUUID(), "occurredAt", JustNow.at().toString())),
                new Viewer("teacher", "Tess Teacher", Set.of("staff")));
    }

    @Test
    void anAdministratorSeesWhereAWorkflowStandsButNotItsVariablesOrHistory() {
        Referral referral = aSafeguardingConcern();
        String id = referral.getProcessInstanceId();
        String transition = runtime.createProcessInstanceQuery().processDefinitionKey("transition").listPage(0, 1).get(0).getId();
        // there is something to hide: both hold variables, kept in the history too (history level audit
        // keeps no decisions' inputs, and a decision's history is not granted either)
        assertThat(runtime.getVariables(id)).isNotEmpty();
        assertThat(runtime.getVariables(transition)).isNotEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count()).isPositive();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(transition).count()).isPositive();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(id).count()).isPositive();
        String variable = runtime.getVariables(id).keySet().iterator().next();

        WebappBrowser admin = WebappBrowser.signedIn(port, "admin");
        for (String instance : List.of(id, transition)) {
            assertThat(admin.get(ENGINE + "/process-instance/" + instance).body()).contains(instance);
            assertThat(admin.get(ENGINE + "/process-instance/" + instance + "/activity-instances").statusCode()).isEqualTo(200);
            assertThat(admin.get(ENGINE + "/process-instance/" + instance + "/variables").statusCode()).as("variables of %s", instance).isEqualTo(403);
            assertThat(admin.get(ENGINE + "/process-instance/" + instance + "/variables/" + variable).statusCode()).isEqualTo(403);
            assertThat(admin.get(ENGINE + "/variable-instance?processInstanceIdIn=" + instance).body()).isEqualTo("[]");
            assertThat(admin.json("POST", ENGINE + "/variable-instance", "{\"processInstanceIdIn\":[\"" + instance + "\"]}").body()).isEqualTo("[]");
            assertThat(admin.get(ENGINE + "/history/variable-instance?processInstanceId=" + instance).body()).isEqualTo("[]");
            assertThat(admin.get(ENGINE + "/history/detail?processInstanceId=" + instance).body()).isEqualTo("[]");
            assertThat(admin.get(ENGINE + "/history/process-instance?processInstanceId=" + instance).body()).isEqualTo("[]");
            assertThat(admin.get(ENGINE + "/history/activity-instance?processInstanceId=" + instance).body()).isEqualTo("[]");
            assertThat(admin.get(ENGINE + "/task?processInstanceId=" + instance).body()).isEqualTo("[]");
        }
        assertThat(admin.get(ENGINE + "/process-instance?processDefinitionKey=referral").body()).contains(id);

        // asking which instances hold a value would answer the question the variables' refusal keeps closed
        HttpResponse<String> byValue = admin.get(ENGINE + "/process-instance?variables=" + variable + "_neq_x");
        assertThat(byValue.statusCode()).isEqualTo(403);
        assertThat(byValue.body()).contains("Queries on workflow variables or business keys are refused");
        assertThat(admin.json("POST", ENGINE + "/process-instance",
                "{\"variables\":[{\"name\":\"" + variable + "\",\"operator\":\"neq\",\"value\":\"x\"}]}").statusCode()).isEqualTo(403);
        assertThat(admin.json("POST", ENGINE + "/process-instance", "{\"processDefinitionKey\":\"referral\",\"sorting\":[{\"sortBy\":"
                + "\"instanceId\",\"sortOrder\":\"asc\"},{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":{\"variable\":\""
                + variable + "\",\"type\":\"String\"}}]}").statusCode()).as("sorted by a variable").isEqualTo(403);
        // an empty variable filter asks nothing (Cockpit sends one) and is answered
        assertThat(admin.json("POST", ENGINE + "/process-instance", "{\"processDefinitionKey\":\"referral\",\"variables\":[]}").body())
                .contains(id);

        // the case tasks are not the administrator's to work
        String task = tasks.createTaskQuery().processInstanceId(id).list().get(0).getId();
        assertThat(admin.json("POST", ENGINE + "/task/" + task + "/complete", "{}").statusCode()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(admin.get("/camunda/api/admin/auth/user/default").body())
                .contains("\"cockpit\"", "\"admin\"").doesNotContain("\"tasklist\"");
    }

    @Test
    void anAdministratorSeesIncidentsAndJobsAndRetriesAFailedJob() {
        Referral referral = aSafeguardingConcern();
        String id = referral.getProcessInstanceId();
        String taskExecution = tasks.createTaskQuery().processInstanceId(id).list().get(0).getExecutionId();
        Incident incident = runtime.createIncident("webapps-test", taskExecution, "a configuration", "Something went wrong");
        Job timer = management.createJobQuery().processInstanceId(id).list().get(0);
        management.setJobRetries(timer.getId(), 0);
        try {
            WebappBrowser admin = WebappBrowser.signedIn(port, "admin");
            assertThat(admin.get(ENGINE + "/incident?processInstanceId=" + id).body()).contains(incident.getId());
            assertThat(admin.get(ENGINE + "/job?processInstanceId=" + id).body()).contains(timer.getId());
            assertThat(admin.get(ENGINE + "/job-definition?processDefinitionKey=referral").statusCode()).isEqualTo(200);
            HttpResponse<String> retried = admin.json("PUT", ENGINE + "/job/" + timer.getId() + "/retries", "{\"retries\":1}");
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
            assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(1);
            // but not changing the job otherwise, nor the workflow
            assertThat(admin.json("PUT", ENGINE + "/job/" + timer.getId() + "/duedate", "{\"duedate\":null}").statusCode()).isEqualTo(403);
            assertThat(admin.json("PUT", ENGINE + "/process-instance/" + id + "/suspended", "{\"suspended\":true}").statusCode()).isEqualTo(403);
            assertThat(admin.send("DELETE", ENGINE + "/process-instance/" + id, null, null).statusCode()).isEqualTo(403);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).active().count()).isEqualTo(1);
            // the retry is in the audit trail with who did it
            assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'admin' and action = 'WEBAPP' and detail = ?",
                    Long.class, "PUT /camunda/api/engine/engine/default/job/" + timer.getId() + "/retries \u2192 204")).isEqualTo(1);
        } finally {
            runtime.resolveIncident(incident.getId());
        }
    }

    @Test
    void modelsAndDeploymentsAreListedButNotChangedFromTheWebapps() {
        long deployments = repository.createDeploymentQuery().count();
        WebappBrowser admin = WebappBrowser.signedIn(port, "admin");
        assertThat(admin.get(ENGINE + "/deployment").body()).contains(repository.createDeploymentQuery().list().get(0).getId());
        assertThat(admin.get(ENGINE + "/decision-definition?key=referral-routing").body()).contains("referral-routing");

        String boundary = "pastoral-test";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfrom a browser\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\nContent-Type: text/xml\r\n\r\n"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\"/>\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deploy = admin.send("POST", ENGINE + "/deployment/create", "multipart/form-data; boundary=" + boundary, multipart);
        assertThat(deploy.statusCode()).isEqualTo(403);
        assertThat(deploy.body()).contains(OURS);
        String deploymentId = repository.createDeploymentQuery().list().get(0).getId();
        assertThat(admin.json("POST", ENGINE + "/deployment/" + deploymentId + "/redeploy", "{}").body()).contains(OURS);
        assertThat(admin.send("DELETE", ENGINE + "/deployment/" + deploymentId, null, null).statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        // and the engine would refuse them too, were the path rule ever lost
        assertThat(authorized(Permissions.CREATE, Resources.DEPLOYMENT, "*")).isFalse();
        assertThat(authorized(Permissions.DELETE, Resources.DEPLOYMENT, "*")).isFalse();
    }

    @Test
    void groupMembershipIsNotChangedInTheWebappsAndTheAttemptIsAudited() {
        WebappBrowser admin = WebappBrowser.signedIn(port, "admin");
        assertThat(admin.get(ENGINE + "/group?member=dsl").statusCode()).isEqualTo(200);
        // the Admin webapp's "add to group" is PUT .../group/{group}/members/{user}; its removal DELETE; POST is not mapped
        for (String[] call : new String[][] {{"PUT", "/group/dsl/members/admin"}, {"POST", "/group/dsl/members/admin"},
                {"DELETE", "/group/dsl/members/dsl2"}, {"PUT", "/group/camunda-admin/members/teacher"},
                {"PUT", "/group/hoy/members/teacher"}, {"POST", "/group/create"}, {"DELETE", "/group/dsl"},
                {"POST", "/authorization/create"}}) {
            HttpResponse<String> r = admin.json(call[0], ENGINE + call[1], call[0].equals("DELETE") ? null
                    : "{\"id\":\"x\",\"name\":\"x\",\"type\":1,\"permissions\":[\"ALL\"],\"groupId\":\"admin\",\"resourceType\":6,\"resourceId\":\"*\"}");
            assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(r.body()).as(call[0] + " " + call[1]).contains(OURS);
        }
        assertThat(directory.groupsOf("admin")).doesNotContain("dsl");
        assertThat(directory.groupsOf("dsl2")).contains("dsl");
        assertThat(directory.groupsOf("teacher")).containsExactly("staff");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'admin' and action = 'WEBAPP' and detail = ?",
                Long.class, "PUT /camunda/api/engine/engine/default/group/dsl/members/admin \u2192 403")).isPositive();
        // the first-run set-up and the webapps' own login are not ways round it
        assertThat(admin.json("POST", "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"sneaky\"},\"credentials\":{\"password\":\"sneaky-password\"}}").body()).contains(OURS);
        assertThat(admin.send("POST", "/camunda/api/admin/auth/user/default/login/cockpit", "application/x-www-form-urlencoded",
                "username=dsl&password=demo").statusCode()).isEqualTo(403);
        assertThat(directory.userExists("sneaky")).isFalse();
        // the engine grants no membership either
        for (String group : List.of("dsl", "admin", "camunda-admin", "pso")) {
            assertThat(authorized(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, group)).as(group).isFalse();
            assertThat(authorized(Permissions.DELETE, Resources.GROUP_MEMBERSHIP, group)).as(group).isFalse();
        }
    }

    @Test
    void accountsAreKeptInTheWebappsButADslsAccountIsNotTouched() {
        String id = "webapps-" + UUID.randomUUID().toString().substring(0, 8);
        directory.createUser(id, "Wendy", "Webapps", null, "A-long-password-1", List.of("staff"));
        WebappBrowser admin = WebappBrowser.signedIn(port, "admin");
        HttpResponse<String> renamed = admin.json("PUT", ENGINE + "/user/" + id + "/profile",
                "{\"id\":\"" + id + "\",\"firstName\":\"Wendy\",\"lastName\":\"Renamed\",\"email\":\"wendy@demo-school.example\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(204);
        assertThat(directory.displayName(id)).isEqualTo("Wendy Renamed");

        String dslName = directory.displayName("dsl");
        assertThat(admin.json("PUT", ENGINE + "/user/dsl/profile",
                "{\"id\":\"dsl\",\"firstName\":\"Not\",\"lastName\":\"Dee\",\"email\":\"admin@demo-school.example\"}").body()).contains(OURS);
        assertThat(admin.json("PUT", ENGINE + "/user/dsl/credentials",
                "{\"password\":\"taken-over-1\",\"authenticatedUserPassword\":\"demo\"}").body()).contains(OURS);
        assertThat(admin.send("DELETE", ENGINE + "/user/dsl", null, null).body()).contains(OURS);
        assertThat(directory.displayName("dsl")).isEqualTo(dslName);
        assertThat(directory.checkPassword("dsl", "demo")).isTrue();

        // being in camunda-admin gives the administrator no engine superuser rights: unlocking needs them
        assertThat(directory.groupsOf("admin")).contains("camunda-admin");
        assertThat(admin.json("POST", ENGINE + "/user/" + id + "/unlock", null).statusCode()).isEqualTo(403);
    }

    @Test
    void theAdministratorsHoldExactlyTheirGrantsAndNobodyElseHoldsAny() {
        assertThat(authorizations.createAuthorizationQuery().list()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getGroupId()).isEqualTo("admin"));
        assertThat(authorized(ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, "referral")).isTrue();
        assertThat(authorized(ProcessDefinitionPermissions.RETRY_JOB, Resources.PROCESS_DEFINITION, "transition")).isTrue();
        for (Permission never : List.of(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE)) {
            assertThat(authorized(never, Resources.PROCESS_DEFINITION, "referral")).as(never.getName()).isFalse();
        }
        assertThat(authorized(Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, "transition-triage")).isFalse();
        assertThat(authorized(Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
        assertThat(authorized(Permissions.UPDATE, Resources.AUTHORIZATION, "*")).isFalse();
        assertThat(authorized(Permissions.READ, Resources.TASK, "*")).isFalse();
        // and a DSL, who never reaches the webapps, holds nothing there either
        assertThat(authorizations.isUserAuthorized("dsl", List.of("dsl", "staff"), Permissions.READ, Resources.PROCESS_DEFINITION, "referral"))
                .isFalse();
    }

    boolean authorized(Permission permission, Resource resource, String resourceId) {
        return authorizations.isUserAuthorized("admin", ADMIN_GROUPS, permission, resource, resourceId);
    }
}
