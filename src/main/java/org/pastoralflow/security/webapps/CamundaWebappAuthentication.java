package org.pastoralflow.security.webapps;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Hands the user Spring Security signed in to Cockpit, Admin and Tasklist, so there is one
 * login for the application and the webapps. Spring Security has already checked that the
 * user is an administrator before a request reaches /camunda.
 */
public class CamundaWebappAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Principal principal = request.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            return AuthenticationResult.unsuccessful();
        }
        return AuthenticationResult.successful(principal.getName());
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security sends unauthenticated users to the login page before they get here.
    }
}
