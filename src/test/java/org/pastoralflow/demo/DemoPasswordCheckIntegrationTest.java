package org.pastoralflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastoralflow.PastoralFlowApplication;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

/**
 * A school that tried the demo on its database and then turns the demo off: a second application
 * on the tests' database (whose demo logins all have the password "demo") refuses to start, naming
 * them and saying what to do, in its log and in the failure.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoPasswordCheckIntegrationTest {

    @Autowired Environment environment;

    @Test
    void withTheDemoOffTheApplicationWillNotStartWhileALoginStillHasTheDemoPassword(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PastoralFlowApplication.class).profiles("test").run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--server.port=0",
                "--pastoral.demo.enabled=false",
                // a second engine and webapp in this JVM must not take the names the other tests' context uses
                "--camunda.bpm.process-engine-name=democheck",
                "--camunda.bpm.webapp.enabled=false"));

        assertThat(failure).as("the application started").isNotNull();
        String expected = "logins still have the demo password: admin, dsl, dsl2, head, hoy, lead, pso, pso9, senco, teacher.";
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("will not start with the demo off").hasMessageContaining(expected)
                .hasMessageContaining("Demo logins left behind");
        assertThat(output.getAll()).containsPattern("ERROR .*DemoPasswordCheck .*" + java.util.regex.Pattern.quote(expected));
    }
}
