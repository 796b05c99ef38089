package org.pastoralflow.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start, moves running instances of model versions the application can no longer drive to
 * the newest version of their model that it can drive, with the engine's process instance migration (every activity
 * mapped to the one of the same id: tasks, their assignees and due dates, and timers are kept).
 * Every other instance carries on with the version it started on.
 * <p>
 * A version is too old when it lacks the activity named here. Referral versions before issue 19
 * offered the holder's tasks to a variable {@code ownerGroup} that the decision forms set; the forms
 * no longer set it, because the model's hand-over table does, so an old referral would stop at its
 * next hand-over (and its escalation would no longer ask whether a DSL had the review).
 * Investigation versions before issue 15 end at the Headteacher's approval of a suspension: an
 * approved suspension would start no suspension workflow (no parent notice, no reintegration
 * meeting), and a pupil with SEN would be suspended without the SENCO consulted.
 * <p>
 * Each instance moves in a transaction of its own; one the engine refuses to move (or another node,
 * starting at the same time, moved first) is logged and left, and tried again at the next start.
 * Nothing here fails the start.
 */
@Component
class ModelUpgrades implements ApplicationRunner {

    /** By process key: an activity that every version the application can drive has. */
    static final Map<String, String> OLDEST_DRIVABLE = Map.of("referral", "Task_HandOverAfterDslReview",
            "investigation", "Task_StartSuspension");

    private static final Logger log = LoggerFactory.getLogger(ModelUpgrades.class);
    private static final int PAGE = 500;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final Map<String, String> oldestDrivable;

    @Autowired
    ModelUpgrades(ProcessEngine engine) {
        this(engine, OLDEST_DRIVABLE);
    }

    ModelUpgrades(ProcessEngine engine, Map<String, String> oldestDrivable) {
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.oldestDrivable = oldestDrivable;
    }

    @Override
    public void run(ApplicationArguments args) {
        oldestDrivable.forEach((key, activity) -> {
            try {
                int moved = moveToNewest(key, activity);
                if (moved > 0) {
                    log.info("Moved {} running {} workflows to the newest model", moved, key);
                }
            } catch (RuntimeException e) {
                log.error("Could not move running {} workflows to the newest model; tried again at the next start", key, e);
            }
        });
    }

    /**
     * Returns how many running instances of the model's too-old versions were moved to its newest version that the
     * application can drive. That is usually the newest of all; but a school can deploy an earlier file again (a
     * restore, an upload from its own version control), and cases must not be moved onto a version that lacks the
     * activity that made their own too old.
     */
    int moveToNewest(String processKey, String activity) {
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().desc().list();
        List<ProcessDefinition> tooOld = versions.stream().filter(d -> !has(d, activity)).toList();
        ProcessDefinition target = versions.stream().filter(d -> !tooOld.contains(d)).findFirst().orElse(null);
        if (target == null) {
            return 0;
        }
        int moved = 0;
        for (ProcessDefinition older : tooOld) {
            moved += moveAll(older, target);
        }
        return moved;
    }

    private boolean has(ProcessDefinition definition, String activity) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementById(activity) != null;
    }

    private int moveAll(ProcessDefinition from, ProcessDefinition to) {
        MigrationPlan plan = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
        int moved = 0;
        int left = 0;
        while (true) {
            // a moved instance leaves the older version: the next page starts after those left behind
            List<ProcessInstance> page = runtime.createProcessInstanceQuery().processDefinitionId(from.getId())
                    .orderByProcessInstanceId().asc().listPage(left, PAGE);
            for (ProcessInstance instance : page) {
                try {
                    runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                    moved++;
                } catch (RuntimeException e) {
                    left++;
                    log.warn("{} {} stays on version {} of its model: {}", from.getKey(), instance.getBusinessKey(),
                            from.getVersion(), e.getMessage());
                }
            }
            if (page.size() < PAGE) {
                return moved;
            }
        }
    }
}
