package org.pastoralflow.workflow.tables;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.models.ModelDeployment;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision table editor's work: open a version of a table, check an edited one cell by cell and as a whole,
 * try it, and save it: deployed at once, or, for a table that routes safeguarding work saved by someone who is not
 * a DSL, proposed to the DSLs (table-change-approval.bpmn). A table that could send safeguarding work elsewhere is
 * refused whoever saves it. Editors: the Pastoral Lead and the DSL; an administrator runs the system and changes
 * no routing (docs/security.md).
 */
@Service
public class TableEditor {

    /** A version of a table opened for editing, and what the page says about it. */
    public record Editing(EditedTable table, String baseId, int baseVersion, String latestId, int latestVersion,
                          String resourceName, String from, String mustGoTo) {

        public boolean restoring() {
            return from != null;
        }

        public boolean routesSafeguarding() {
            return mustGoTo != null;
        }
    }

    /** The answer of a save: the version deployed, or the change waiting for a DSL. */
    public record Saved(Integer deployedVersion, Long pendingChange) {
    }

    /** The try-it panel: the samples' answers and the latest cases' counts (either may be missing). */
    public record Tried(TryIt.Sample sample, TryIt.Counts counts) {
    }

    private final RepositoryService repository;
    private final ModelDeployments deployments;
    private final CellChecks cells;
    private final TableRuns runs;
    private final SafeguardingTables safeguarding;
    private final TryIt tryIt;
    private final TableChangeRepository changes;
    private final Processes processes;
    private final Clock clock;

    TableEditor(RepositoryService repository, ModelDeployments deployments, CellChecks cells, TableRuns runs,
                SafeguardingTables safeguarding, TryIt tryIt, TableChangeRepository changes, Processes processes, Clock clock) {
        this.repository = repository;
        this.deployments = deployments;
        this.cells = cells;
        this.runs = runs;
        this.safeguarding = safeguarding;
        this.tryIt = tryIt;
        this.changes = changes;
        this.processes = processes;
        this.clock = clock;
    }

    /** The newest version of the table, or the earlier version {@code from} (to restore it); not found otherwise. */
    @Transactional(readOnly = true)
    public Editing open(String decisionKey, String from, Viewer viewer) {
        mayEdit(viewer);
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new NotFoundException("No decision table " + decisionKey);
        }
        DecisionDefinition base = latest;
        if (from != null && !from.isBlank()) {
            base = repository.createDecisionDefinitionQuery().decisionDefinitionId(from).singleResult();
            if (base == null || !base.getKey().equals(decisionKey)) {
                throw new NotFoundException("No version " + from + " of " + decisionKey);
            }
        }
        EditedTable table = TableFiles.read(file(base), decisionKey);
        String resource = base.getResourceName().substring(base.getResourceName().lastIndexOf('/') + 1);
        return new Editing(table, base.getId(), base.getVersion(), latest.getId(), latest.getVersion(), resource,
                from == null || from.isBlank() ? null : base.getId(),
                safeguarding.declared(decisionKey).map(SafeguardingSettings.Declared::mustBe).orElse(null));
    }

    /** The table as posted, over the opened version's columns; what is wrong as text is in {@code data}. */
    public EditedTable read(Editing editing, FormData data) {
        return TableForm.read(editing.table(), data);
    }

    /** What is wrong with the edited table, by field: each cell, then the table as the engine reads it. */
    public Map<String, String> problems(Editing editing, EditedTable edited) {
        Map<String, String> problems = new LinkedHashMap<>(cells.check(edited));
        if (problems.isEmpty()) {
            // run once with every input empty: what the engine refuses in the whole file shows here
            Map<String, Object> empty = new HashMap<>();
            edited.inputs().forEach(in -> empty.put(in.variable(), null));
            String whole = runs.problem(TableFiles.write(file(editing), edited), edited.decisionKey(), empty);
            if (whole != null) {
                problems.put(TableForm.TABLE, whole);
            }
        }
        return problems;
    }

    /** The edited table beside the newest version: on the typed sample, and on the latest real cases. */
    @Transactional(readOnly = true)
    public Tried tryIt(Editing editing, EditedTable edited, FormData data) {
        Map<String, Object> sample = sampleInputs(edited, data);
        data.throwIfInvalid();
        DmnDecision current = runs.parse(file(editing.latestId()), edited.decisionKey());
        DmnDecision changed = runs.parse(TableFiles.write(file(editing), edited), edited.decisionKey());
        String output = output(edited);
        TryIt.Sample answers = sample.isEmpty() ? null : tryIt.sample(current, changed, sample, output);
        return new Tried(answers, tryIt.latest(edited.decisionKey(), current, changed, output).orElse(null));
    }

    /**
     * Saves the edited table: checked cell by cell and as a whole, refused outright if it could send safeguarding
     * work elsewhere, then deployed, or (a safeguarding table saved by someone who is not a DSL) proposed to the DSLs.
     * Nothing is written unless it all holds.
     */
    @Transactional
    public Saved save(Editing editing, EditedTable edited, FormData data, String latestSeen, Viewer viewer) {
        mayEdit(viewer);
        String reason = data.text(TableForm.REASON, "Why you are changing it", TableForm.REASON_LENGTH, true);
        data.throwIfInvalid();
        problems(editing, edited).forEach(data::reject);
        if (latestSeen != null && !latestSeen.equals(editing.latestId())) {
            data.reject(TableForm.TABLE, "Version " + editing.latestVersion() + " of this table was deployed after you opened it. "
                    + "Open it again to start from what runs now.");
        }
        data.throwIfInvalid();
        byte[] xml = TableFiles.write(file(editing), edited);
        safeguarding.firstMisrouted(edited, xml).ifPresent(wrong -> data.reject(TableForm.TABLE, wrong + ". Nothing was saved."));
        data.throwIfInvalid();
        ModelDeployment.How how = editing.restoring() ? ModelDeployment.How.RESTORE : ModelDeployment.How.TABLE_EDITOR;
        if (editing.routesSafeguarding() && !viewer.in(Group.DSL)) {
            TableChange change = changes.save(new TableChange(edited.decisionKey(), editing.resourceName(), editing.latestId(),
                    editing.from(), new String(xml, java.nio.charset.StandardCharsets.UTF_8), reason, viewer.userId(), clock.instant()));
            change.awaiting(processes.start(TableChangeProcess.KEY, "table-change-" + change.getId(),
                    Map.of(TableChangeProcess.TABLE_CHANGE_ID, change.getId())));
            return new Saved(null, change.getId());
        }
        ModelDeployments.Deployed deployed = deployments.deploy(editing.resourceName(), xml, reason, viewer.userId(), how, editing.from());
        return new Saved(deployed.definitions().get(0).version(), null);
    }

    /** For each input, the values a sample may take (a choice on the page), or null where any value is typed. */
    public List<List<String>> sampleChoices(EditedTable table) {
        List<List<String>> choices = new java.util.ArrayList<>();
        for (EditedTable.Column in : table.inputs()) {
            List<Object> allowed = cells.allowed(in);
            choices.add("boolean".equals(in.typeRef()) ? List.of("true", "false")
                    : allowed == null ? null : allowed.stream().map(String::valueOf).toList());
        }
        return choices;
    }

    /** The latest proposed changes of this table, newest first. */
    @Transactional(readOnly = true)
    public List<TableChange> recentChanges(String decisionKey) {
        return changes.findTop10ByDecisionKeyOrderByProposedAtDescIdDesc(decisionKey);
    }

    /** The output the try-it panel and the safeguarding check read: the declared one, or the first. */
    String output(EditedTable table) {
        return safeguarding.declared(table.decisionKey()).map(SafeguardingSettings.Declared::output)
                .orElse(table.outputs().isEmpty() ? null : table.outputs().get(0).variable());
    }

    private Map<String, Object> sampleInputs(EditedTable table, FormData data) {
        Map<String, Object> inputs = new HashMap<>();
        boolean any = false;
        for (int c = 0; c < table.inputs().size(); c++) {
            EditedTable.Column in = table.inputs().get(c);
            String field = TableForm.sampleField(c);
            String raw = data.text(field, "Try it: " + in.heading(), 200, false);
            Object value = null;
            if (raw != null) {
                any = true;
                try {
                    value = SafeguardingTables.typed(raw, in.typeRef());
                    if ("boolean".equals(in.typeRef()) && !raw.equals("true") && !raw.equals("false")) {
                        data.reject(field, "Try it: " + in.heading() + " must be true or false.");
                    }
                } catch (NumberFormatException e) {
                    data.reject(field, "Try it: " + in.heading() + " must be a " + CellChecks.typeName(in.typeRef()) + ".");
                }
            }
            inputs.put(in.variable(), value);
        }
        return any ? inputs : Map.of();
    }

    private static void mayEdit(Viewer viewer) {
        if (!viewer.inAny(Group.PASTORAL_LEAD, Group.DSL)) {
            throw new AccessDeniedException("Only the Pastoral Lead and the DSL change routing tables");
        }
    }

    private byte[] file(Editing editing) {
        return file(editing.baseId());
    }

    private byte[] file(String definitionId) {
        return file(repository.getDecisionDefinition(definitionId));
    }

    private byte[] file(DecisionDefinition definition) {
        return deployments.file(definition.getDeploymentId(), definition.getResourceName());
    }
}
