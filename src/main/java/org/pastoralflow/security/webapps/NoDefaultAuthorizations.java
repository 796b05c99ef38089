package org.pastoralflow.security.webapps;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * With authorizations on, the engine's default provider writes rows of its own: every user may
 * edit their account, every group's members may see it, and each task's candidates and assignee
 * may read and work it, one row per task and candidate group, deleted when the task ends. Only
 * administrators reach the webapps, and {@link AdminGrants} is all they need, so none of these
 * rows is written (and no task pays for one).
 */
class NoDefaultAuthorizations implements ResourceAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newGroup(Group group) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newTenant(Tenant tenant) {
        return null;
    }

    @Override
    public AuthorizationEntity[] groupMembershipCreated(String groupId, String userId) {
        return null;
    }

    @Override
    public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, User user) {
        return null;
    }

    @Override
    public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, Group group) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newFilter(Filter filter) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newProcessDefinition(ProcessDefinition processDefinition) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newProcessInstance(ProcessInstance processInstance) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newTask(Task task) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        return null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newDecisionDefinition(DecisionDefinition decisionDefinition) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newDecisionRequirementsDefinition(DecisionRequirementsDefinition decisionRequirementsDefinition) {
        return null;
    }
}
