package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.workflow.upload.ApplicationChecks;
import org.pastoralflow.workflow.upload.Finding;
import org.pastoralflow.workflow.upload.PublishedBeans;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every model in processes/ against the rules every model in this application keeps, shipped or uploaded
 * ({@code workflow.upload.ModelChecks}): the house style (ids of the form {@code Task_…}, names, the diagram)
 * and the application (forms it knows, groups, delegates that exist, no scripts or listeners, only the published
 * beans in expressions, a history time-to-live). A shipped model has nothing to report, not even style.
 * Each rule's refusals are tested in {@code ModelChecksTest}.
 */
@PostgresIntegrationTest
class ProcessModelsTest {

    @Autowired ApplicationChecks checks;
    @Autowired ApplicationContext context;

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @Test
    void everyModelFollowsTheStyleGuideAndUsesOnlyWhatTheApplicationHas() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> models = models();
        assertThat(models).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : models) {
            String name = file.getFileName().toString();
            for (Finding f : checks.check(name, Files.readAllBytes(file))) {
                problems.add(name + ": " + f);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The list of published beans names beans and public methods that exist, so it cannot drift from the code. */
    @Test
    void everyPublishedBeanAndMethodExists() {
        List<String> missing = new ArrayList<>();
        PublishedBeans.METHODS.forEach((bean, methods) -> {
            if (!context.containsBean(bean)) {
                missing.add(bean);
                return;
            }
            Class<?> type = AopUtils.getTargetClass(context.getBean(bean));
            for (String method : methods) {
                if (Arrays.stream(type.getMethods()).map(Method::getName).noneMatch(method::equals)) {
                    missing.add(bean + "." + method);
                }
            }
        });
        assertThat(missing).isEmpty();
        assertThat(Arrays.stream(PublishedBeans.class.getFields()).allMatch(f -> Modifier.isFinal(f.getModifiers()))).isTrue();
    }
}
