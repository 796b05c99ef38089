package org.pastoralflow.security.webapps;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.pastoralflow.security.Group;

/**
 * Everything the {@code admin} group may do in Cockpit, Admin and their REST API: operate the
 * workflows (models, deployments, incidents, failed jobs), keep the staff accounts, and nothing
 * that reads case content. No grant means no access, so what is missing here matters as much as
 * what is listed; docs/security.md has the table with the reasons and what is left out.
 *
 * <p>Variables are out of reach because the engine checks the specific variable permissions
 * ({@code enforceSpecificVariablePermission}, set by {@link WebappAuthorizations}): reading a
 * process instance no longer lets anyone read its variables, and READ_INSTANCE_VARIABLE and
 * READ_HISTORY_VARIABLE are granted to nobody.
 */
final class AdminGrants {

    /** One grant: the permissions of the admin group on a resource (ANY for all of that kind). */
    record Grant(Resource resource, String resourceId, List<Permission> permissions) {

        int mask() {
            return permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        }

        String describe() {
            return resource.resourceName() + " " + resourceId + ": "
                    + String.join(", ", permissions.stream().map(Permission::getName).toList());
        }
    }

    static final String GROUP = Group.ADMIN.id();

    static final List<Grant> GRANTS = List.of(
            // Cockpit for operations and Admin for accounts; not Tasklist: an administrator does not work case tasks
            grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            grant(Resources.APPLICATION, "admin", Permissions.ACCESS),
            // the models, their running instances (where each stands, its incidents and jobs) and retrying
            // a failed job; not their variables, tasks or history, not starting, changing, suspending or deleting
            grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB),
            // the decision tables, not the decisions taken (their inputs are a child's circumstances)
            grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ),
            grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
            // deployments listed; a model changes by a release of the application, never from a browser
            grant(Resources.DEPLOYMENT, ANY, Permissions.READ),
            // staff accounts: create, correct, reset a password, remove a leaver (a DSL's account is
            // refused on the HTTP path: WebappsSecurity), and no group membership at all
            grant(Resources.USER, ANY, Permissions.READ, Permissions.CREATE, Permissions.UPDATE, Permissions.DELETE),
            grant(Resources.GROUP, ANY, Permissions.READ),
            // what the grants are, so the Admin webapp can show them; changing them is nobody's
            grant(Resources.AUTHORIZATION, ANY, Permissions.READ),
            // the engine's own figures (history level, metrics, diagnostics) on the Admin webapp's System page
            grant(Resources.SYSTEM, ANY, SystemPermissions.READ));

    private AdminGrants() {
    }

    private static Grant grant(Resource resource, String id, Permission... permissions) {
        return new Grant(resource, id, Arrays.asList(permissions));
    }
}
