package org.pastoralflow.workflow.models;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.models.WorkflowVersions.Version;
import org.pastoralflow.workflow.models.WorkflowVersions.Workflow;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Workflows page (the Pastoral Lead, the DSL and administrators; route rule in {@code SecurityConfig}): every
 * process and decision with its versions, a version's diagram or table, what changed from the version before, and
 * each version's file to download. Changing a workflow is other pages' work: this one links to them, for the roles
 * that may (administrators upload models; the Pastoral Lead and the DSL edit tables).
 */
@Controller
class WorkflowsController {

    private final WorkflowVersions versions;
    private final AuditLog audit;

    WorkflowsController(WorkflowVersions versions, AuditLog audit) {
        this.versions = versions;
        this.audit = audit;
    }

    @GetMapping("/workflows")
    String all(Model model, Viewer viewer) {
        model.addAttribute("workflows", versions.all());
        mayChange(model, viewer);
        return "workflow/workflows";
    }

    @GetMapping("/workflows/{key}")
    String one(@PathVariable String key, @RequestParam(required = false) String version, Model model, Viewer viewer) {
        Workflow workflow = workflow(key);
        Version shown = version == null ? workflow.current() : version(workflow, version);
        model.addAttribute("workflow", workflow);
        model.addAttribute("shown", shown);
        model.addAttribute("before", workflow.before(shown).orElse(null));
        model.addAttribute("changes", versions.changes(workflow, shown));
        if (!workflow.isProcess()) {
            model.addAttribute("table", versions.table(shown).orElse(null));
        }
        mayChange(model, viewer);
        return "workflow/workflow";
    }

    /** A version's file, exactly the bytes deployed, to keep in the school's own version control or share. */
    @GetMapping("/workflows/{key}/versions/{definitionId}/file")
    ResponseEntity<byte[]> file(@PathVariable String key, @PathVariable String definitionId, Viewer viewer) {
        Workflow workflow = workflow(key);
        Version v = version(workflow, definitionId);
        byte[] file = versions.file(v);
        // a model is no case content, but a file leaving the application is worth a line in the audit trail
        audit.record(viewer.userId(), AuditLog.EXPORT, ModelDeployments.AUDIT_TYPE, null, null,
                key + " version " + v.version() + " downloaded as " + v.fileName());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(v.fileName()).build().toString())
                .body(file);
    }

    /** A process version's model for the page's diagram (the viewer draws it); not a download, so not audited. */
    @GetMapping("/workflows/{key}/versions/{definitionId}/model.bpmn")
    ResponseEntity<byte[]> model(@PathVariable String key, @PathVariable String definitionId) {
        Workflow workflow = workflow(key);
        if (!workflow.isProcess()) {
            throw new NotFoundException("A decision has no diagram");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(versions.file(version(workflow, definitionId)));
    }

    private Workflow workflow(String key) {
        return versions.one(key).orElseThrow(() -> new NotFoundException("No workflow " + key));
    }

    private static Version version(Workflow workflow, String definitionId) {
        return workflow.version(definitionId).orElseThrow(() -> new NotFoundException("No such version"));
    }

    /** Which links to the pages that change workflows this viewer gets (those pages check again). */
    private static void mayChange(Model model, Viewer viewer) {
        model.addAttribute("mayUploadModels", viewer.in(Group.ADMIN));
        model.addAttribute("mayEditTables", viewer.inAny(Group.PASTORAL_LEAD, Group.DSL));
    }
}
