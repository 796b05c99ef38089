package org.pastoralflow.security.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The authorization table holds exactly the administrators' grants, after every start, whatever was added. */
@PostgresIntegrationTest
class WebappAuthorizationsIntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired AuthorizationService authorizations;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;

    List<String> table() {
        return authorizations.createAuthorizationQuery().list().stream().map(Object::toString)
                .map(s -> s.replaceAll("id=[^,]*, |revision=\\d+, ", "")).sorted().toList();
    }

    @Test
    void aStartPutsBackExactlyTheAdministratorsGrants() {
        List<String> granted = table();
        assertThat(granted).hasSize(AdminGrants.GRANTS.size());

        // one given to everybody by hand, and one more for the administrators, as someone with the database might
        Authorization everybody = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everybody.setUserId(Authorization.ANY);
        everybody.setResource(Resources.PROCESS_INSTANCE);
        everybody.setResourceId(Authorization.ANY);
        everybody.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everybody);
        Authorization variables = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        variables.setGroupId("admin");
        variables.setResource(Resources.PROCESS_DEFINITION);
        variables.setResourceId("referral");
        variables.addPermission(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
        authorizations.saveAuthorization(variables);
        assertThat(table()).hasSize(granted.size() + 2);

        WebappAuthorizations.apply(authorizations);
        assertThat(table()).isEqualTo(granted);
        WebappAuthorizations.apply(authorizations);
        assertThat(table()).as("a second start changes nothing").isEqualTo(granted);
    }

    @Test
    void theEngineWritesNoAuthorizationsOfItsOwnAndHasNoSuperuser() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.isEnforceSpecificVariablePermission()).isTrue();
        assertThat(configuration.isEnableHistoricInstancePermissions()).isFalse();
        assertThat(configuration.getAdminGroups()).isEmpty();
        assertThat(configuration.getAdminUsers()).isEmpty();

        long before = authorizations.createAuthorizationQuery().count();
        String id = "noauth-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("A-long-password-1");
        identity.saveUser(user);
        identity.createMembership(id, "pso");
        Task task = tasks.newTask();
        task.setName("A task with candidates");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "pso");
        tasks.setAssignee(task.getId(), id);
        try {
            assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
        } finally {
            tasks.deleteTask(task.getId(), true);
            identity.deleteUser(id);
        }
    }
}
