package org.pastoralflow.security.webapps;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Engine authorizations bind only the Camunda webapps and their REST API: the application never
 * tells the engine who is asking (no authenticated user is ever set), so its own calls pass
 * unchecked and its pages keep their own access control. For the webapps this plugin
 * <ul>
 *   <li>makes reading a variable need its own permission, which nobody has;</li>
 *   <li>takes away the powers of {@code camunda-admin}: the engine lets that group do anything,
 *       but it exists here only so the webapps skip their first-run set-up (DemoSchool);</li>
 *   <li>stops the engine writing authorizations of its own for every new task, user and group
 *       (nobody but administrators uses the webapps, and a row per task would cost each task);</li>
 *   <li>at every start, sets the authorization table to exactly {@link AdminGrants}, removing
 *       anything else, so what an administrator may do is decided in one place.</li>
 * </ul>
 */
@Component
class WebappAuthorizations extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(WebappAuthorizations.class);

    private final TransactionTemplate transaction;
    private final boolean webappsEnabled;

    WebappAuthorizations(PlatformTransactionManager transactions,
                         @Value("${pastoral.camunda-webapps.enabled:true}") boolean webappsEnabled) {
        this.transaction = new TransactionTemplate(transactions);
        this.webappsEnabled = webappsEnabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnforceSpecificVariablePermission(true);
        // historic-instance permissions would let HISTORIC_PROCESS_INSTANCE READ show historic variables
        configuration.setEnableHistoricInstancePermissions(false);
        configuration.setResourceAuthorizationProvider(new NoDefaultAuthorizations());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (webappsEnabled && !configuration.isAuthorizationEnabled()) {
            throw new IllegalStateException("camunda.bpm.authorization.enabled must be true while the Camunda webapps are on "
                    + "(pastoral.camunda-webapps.enabled): without it an administrator reads every workflow's variables there");
        }
        // the engine adds camunda-admin to its admin groups during init; nobody is an engine administrator here
        configuration.setAdminGroups(new ArrayList<>());
        configuration.setAdminUsers(new ArrayList<>());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        // two nodes starting at once may both write: the loser reads again and finds nothing to do
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(s -> apply(engine.getAuthorizationService()));
                return;
            } catch (ProcessEngineException | DataAccessException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.info("Another node changed the webapp authorizations at the same time; reading them again");
            }
        }
    }

    /** Leaves the authorization table holding exactly the admin group's grants. */
    static void apply(AuthorizationService authorizations) {
        Map<String, AdminGrants.Grant> wanted = new HashMap<>();
        AdminGrants.GRANTS.forEach(g -> wanted.put(key(AUTH_TYPE_GRANT, AdminGrants.GROUP, null,
                g.resource().resourceType(), g.resourceId(), g.mask()), g));
        for (Authorization existing : authorizations.createAuthorizationQuery().list()) {
            String key = key(existing.getAuthorizationType(), existing.getGroupId(), existing.getUserId(),
                    existing.getResourceType(), existing.getResourceId(), ((AuthorizationEntity) existing).getPermissions());
            if (wanted.remove(key) == null) {
                log.warn("Removing an engine authorization that is not one of the administrators' grants: {}", existing);
                authorizations.deleteAuthorization(existing.getId());
            }
        }
        for (AdminGrants.Grant missing : wanted.values()) {
            Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(AdminGrants.GROUP);
            grant.setResource(missing.resource());
            grant.setResourceId(missing.resourceId());
            missing.permissions().forEach(grant::addPermission);
            authorizations.saveAuthorization(grant);
            log.info("Granted the administrators {}", missing.describe());
        }
    }

    private static String key(int type, String group, String user, int resourceType, String resourceId, int permissions) {
        return type + "|" + Objects.toString(group, "") + "|" + Objects.toString(user, "") + "|" + resourceType
                + "|" + resourceId + "|" + permissions;
    }
}
