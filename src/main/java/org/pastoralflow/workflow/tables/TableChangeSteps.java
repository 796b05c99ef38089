package org.pastoralflow.workflow.tables;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.workflow.models.ModelDeployment;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a proposed change of a safeguarding routing table: the DSL's decision (from the approval task's
 * form), then, from table-change-approval.bpmn's service tasks, the deployment of an approved change or the word
 * to its proposer that it was refused. The only class the model's delegates call.
 */
@Service
public class TableChangeSteps {

    static final int NOTE_LENGTH = 2000;

    private final TableChangeRepository changes;
    private final ModelDeployments deployments;
    private final SafeguardingTables safeguarding;
    private final RepositoryService repository;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Clock clock;

    TableChangeSteps(TableChangeRepository changes, ModelDeployments deployments, SafeguardingTables safeguarding,
                     RepositoryService repository, Notifier notifier, AuditLog audit, Clock clock) {
        this.changes = changes;
        this.deployments = deployments;
        this.safeguarding = safeguarding;
        this.repository = repository;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TableChange byId(Long id) {
        return changes.findById(id).orElseThrow(() -> new NotFoundException("No table change " + id));
    }

    /**
     * The DSL's decision, read from the approval form: approve, or refuse with a note. An approval is refused when
     * another version was deployed after the change was proposed (approving it would quietly undo that one).
     * Returns whether it is approved.
     */
    @Transactional
    public boolean decide(Long id, FormData data, String dsl) {
        TableChange change = byId(id);
        String decision = data.oneOf("decision", "Your decision", List.of("approve", "refuse"));
        String note = data.text("note", "Your note", NOTE_LENGTH, "refuse".equals(decision));
        data.throwIfInvalid();
        boolean approved = "approve".equals(decision);
        if (approved) {
            DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(change.getDecisionKey())
                    .latestVersion().singleResult();
            if (!latest.getId().equals(change.getBaseDefinitionId())) {
                data.reject("decision", "Version " + latest.getVersion() + " of the table was deployed after this change was "
                        + "proposed; approving it would undo that version. Refuse it and ask for it again on the newest version.");
            }
            EditedTable proposed = TableFiles.read(xml(change), change.getDecisionKey());
            safeguarding.firstMisrouted(proposed, xml(change)).ifPresent(wrong -> data.reject("decision", wrong + "."));
            data.throwIfInvalid();
        }
        change.decided(dsl, clock.instant(), note);
        return approved;
    }

    /** "Deploy the new version": the approved file, as the DSL saw it. */
    @Transactional
    public void deploy(Long id) {
        TableChange change = byId(id);
        ModelDeployment.How how = change.getRestoredFrom() != null ? ModelDeployment.How.RESTORE : ModelDeployment.How.TABLE_EDITOR;
        ModelDeployments.Deployed deployed = deployments.deploy(change.getResourceName(), xml(change),
                change.getReason() + " (proposed by " + change.getProposedBy() + ", approved by a DSL)", change.getDecidedBy(),
                how, change.getRestoredFrom());
        change.deployed(deployed.definitions().get(0).id());
    }

    /** "Tell the proposer": refused, with the DSL's note, by e-mail and on the table's page. */
    @Transactional
    public void refuse(Long id) {
        TableChange change = byId(id);
        change.refused();
        audit.record(change.getDecidedBy(), "REFUSE", ModelDeployments.AUDIT_TYPE, null, null,
                "change " + change.getId() + " of " + change.getDecisionKey() + " refused: " + change.getDecisionNote());
        notifier.toUsers(List.of(change.getProposedBy()), "A change to a routing table was refused",
                "A DSL refused your change to the routing table " + change.getDecisionKey() + ": " + change.getDecisionNote()
                        + "\nThe table's page lists it with the note.", "/inbox", null);
    }

    private static byte[] xml(TableChange change) {
        return change.getProposedXml().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> approved(boolean approved) {
        return Map.of(TableChangeProcess.APPROVED, approved);
    }
}
