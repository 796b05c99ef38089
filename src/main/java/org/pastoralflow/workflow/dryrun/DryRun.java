package org.pastoralflow.workflow.dryrun;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The dry run of a changed model (issue 18, part 4): before a model from the Camunda Modeler is deployed, the paths
 * the current version's process tests took ({@link Journeys}) are replayed on it in a {@link ThrowawayEngine}, with the
 * school's newest decision tables and the application's beans replaced by {@link StandIns} that answer what the
 * tests' beans answered. The report says, path by path, which still complete and, for those that do not, where
 * they stopped and why. Nothing of the application is touched: its engine is only read for the decision tables.
 * <p>
 * Never throws for a model that passed the upload checks: whatever goes wrong is a line of the report.
 */
@Service
public class DryRun {

    private final Supplier<Map<String, byte[]>> decisionTables;
    private final Predicate<String> applicationBeans;
    private final Function<String, Class<?>> beanTypes;

    @Autowired
    DryRun(RepositoryService repository, ListableBeanFactory beans) {
        this(() -> newestDecisionTables(repository), beans::containsBean,
                name -> beans.containsBean(name) ? beans.getType(name) : null);
    }

    /**
     * {@code decisionTables}: the DMN files to deploy beside the model, by file name; {@code applicationBeans}: whether a
     * name in an expression is one of the application's beans (those the recorded paths used are always);
     * {@code beanTypes}: a bean's class, for a neutral answer to a question no path asked (null when unknown).
     */
    public DryRun(Supplier<Map<String, byte[]>> decisionTables, Predicate<String> applicationBeans,
                  Function<String, Class<?>> beanTypes) {
        this.decisionTables = decisionTables;
        this.applicationBeans = applicationBeans;
        this.beanTypes = beanTypes;
    }

    /** A dry run outside the application: the decision tables as released in {@code processes/}, the beans the paths used. */
    public static DryRun withReleasedTables() {
        return new DryRun(DryRun::releasedDecisionTables, name -> false, name -> null);
    }

    public DryRunReport replay(String resourceName, byte[] bpmnXml) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
        } catch (RuntimeException unreadable) {
            String key = resourceName == null ? null : resourceName.replaceFirst("\\.bpmn$", "");
            return everyPath(key, "the model could not be read: " + unreadable.getMessage());
        }
        String key = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
                .map(Process::getId).findFirst().orElse(null);
        List<Journey> paths = Journeys.of(key);
        if (paths.isEmpty()) {
            return new DryRunReport(key, List.of());
        }
        Set<String> recordedBeans = new HashSet<>();
        paths.forEach(p -> recordedBeans.addAll(p.beans()));
        StandIns standIns = new StandIns(name -> recordedBeans.contains(name) || applicationBeans.test(name), beanTypes);
        ThrowawayEngine throwaway;
        try {
            throwaway = new ThrowawayEngine(standIns);
        } catch (RuntimeException e) {
            return everyPath(key, "the dry run's engine did not start: " + e.getMessage());
        }
        try (throwaway) {
            String definition;
            try {
                definition = deploy(throwaway, key, bpmnXml);
            } catch (RuntimeException e) {
                return everyPath(key, "the model could not be deployed: " + e.getMessage());
            }
            PathReplay replay = new PathReplay(throwaway.engine(), model, definition);
            return new DryRunReport(key, paths.stream().map(path -> {
                standIns.play(new Playback(path));
                return replay.replay(path);
            }).toList());
        }
    }

    private String deploy(ThrowawayEngine throwaway, String key, byte[] bpmnXml) {
        RepositoryService repository = throwaway.engine().getRepositoryService();
        decisionTables.get().forEach((name, dmn) -> repository.createDeployment().name("dry-run tables")
                .addInputStream(name, new ByteArrayInputStream(dmn)).deploy());
        repository.createDeployment().name("dry-run").addInputStream(key + ".bpmn", new ByteArrayInputStream(bpmnXml)).deploy();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        return definition.getId();
    }

    private static DryRunReport everyPath(String key, String why) {
        return new DryRunReport(key, Journeys.of(key).stream()
                .map(p -> new PathResult(p.name(), false, List.of(), null, why)).toList());
    }

    /** The newest version of every decision table in the application's engine, as the school has them now (read only). */
    static Map<String, byte[]> newestDecisionTables(RepositoryService repository) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().latestVersion().list()) {
            String file = d.getDeploymentId() + "/" + d.getResourceName();
            if (!files.containsKey(file)) {
                try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
                    files.put(file, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Map<String, byte[]> byName = new LinkedHashMap<>();
        files.forEach((file, dmn) -> byName.put(file.replace('/', '-'), dmn));
        return byName;
    }

    static Map<String, byte[]> releasedDecisionTables() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn")) {
                try (InputStream in = r.getInputStream()) {
                    files.put(r.getFilename(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
