package org.pastoralflow.security.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code pastoral.camunda-webapps.enabled: false}: no webapp servlet or filter is registered and
 * everything under /camunda answers 404, to an administrator as to anyone. An application of its
 * own, on the tests' database, with an engine of another name (as TwoNodeClusterIntegrationTest
 * does, so the two engines in one JVM do not meet).
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"pastoral.camunda-webapps.enabled=false", "camunda.bpm.process-engine-name=webappsoff"})
class WebappsOffIntegrationTest {

    @LocalServerPort int port;
    @Autowired ServletContext servlets;

    @Test
    void nothingIsServedUnderCamunda() {
        assertThat(servlets.getServletRegistrations().keySet()).noneMatch(name -> name.contains("Api"));
        assertThat(servlets.getFilterRegistrations().keySet())
                .doesNotContain("Authentication Filter", "Security Filter", "CsrfPreventionFilter", "camundaContainerAuthentication");

        HttpUser admin = HttpUser.signedIn(port, "admin");
        for (String path : new String[] {"/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                "/camunda/api/engine/engine/default/process-definition", "/camunda/api/admin/auth/user/default"}) {
            assertThat(admin.get(path).statusCode()).as("%s as admin", path).isEqualTo(404);
            assertThat(new HttpUser(port).get(path).statusCode()).as("%s as nobody", path).isEqualTo(404);
        }
        assertThat(admin.postWithToken("/camunda/api/engine/engine/default/group/dsl/members/admin", Map.of(),
                admin.csrfFrom("/admin")).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin").body()).doesNotContain("href=\"/camunda/");
        assertThat(admin.get("/admin/staff").body()).contains("the Camunda webapps are turned off here");
    }
}
