package org.pastoralflow.workflow.upload;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.dryrun.DryRun;
import org.pastoralflow.workflow.dryrun.DryRunReport;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator's upload of a model changed in the Camunda Modeler, the result of its checks, and the deploy;
 * and putting back an earlier version of a model. A file that passed is held in the session by its SHA-256, and
 * the Deploy button posts that fingerprint: what is deployed is exactly what was checked (and is checked again).
 */
@Controller
class ModelUploadController {

    static final String HELD = "workflow.upload.checked";
    /** How many checked files a session holds (an administrator comparing two or three versions). */
    static final int HELD_FILES = 3;
    static final int REASON_LENGTH = 1000;

    /** A file that passed the checks, waiting for its Deploy button, with the reason given at upload. */
    record Held(byte[] xml, String reason) implements Serializable {
    }

    private final ModelUploads uploads;
    private final DryRun dryRun;

    ModelUploadController(ModelUploads uploads, DryRun dryRun) {
        this.dryRun = dryRun;
        this.uploads = uploads;
    }

    @GetMapping("/workflows/upload")
    String form(Model model) {
        return page(model, Map.of(), Map.of());
    }

    @PostMapping("/workflows/upload")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam Map<String, String> params,
                  HttpSession session, Model model, HttpServletResponse response) throws IOException {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        values.remove("file");
        FormData form = new FormData(values);
        String reason = form.text("reason", "Why this version", REASON_LENGTH, true);
        if (file == null || file.isEmpty()) {
            form.reject("file", "Choose the .bpmn file you saved in the Camunda Modeler");
        } else if (file.getSize() > ModelUploads.LARGEST) {
            form.reject("file", "The file is larger than " + ModelUploads.LARGEST / (1024 * 1024) + " MB; a model is rarely more than "
                    + "200 KB. Is it the right file?");
        }
        if (form.hasErrors()) {
            response.setStatus(422);
            return page(model, form.values(), form.errors());
        }
        ModelUploads.Checked checked = uploads.check(file.getBytes());
        if (checked.passes()) {
            hold(session, checked, reason);
        } else {
            response.setStatus(422);
        }
        return result(model, checked, reason, Map.of());
    }

    @PostMapping("/workflows/upload/deploy")
    String deploy(@RequestParam(name = "checked", required = false) String fingerprint,
                  @RequestParam(name = "reason", required = false) String reason, Viewer viewer, HttpSession session,
                  Model model, RedirectAttributes flash, HttpServletResponse response) {
        Held held = held(session).get(fingerprint);
        if (held == null) {
            response.setStatus(409);
            model.addAttribute("errors", Map.of("file", "The checked file is no longer held (the session ended, or it was deployed "
                    + "already). Upload it again."));
            model.addAttribute("form", Map.of());
            return "workflow/upload/upload";
        }
        try {
            ModelDeployments.Deployed deployed = uploads.deploy(held.xml(), reason, viewer.userId());
            held(session).remove(fingerprint);
            session.setAttribute(HELD, held(session));
            flash.addFlashAttribute("message", deployedMessage(deployed));
            return "redirect:/workflows/models/" + deployed.definitions().get(0).key() + "/migrate";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return result(model, uploads.check(held.xml()), reason, e.errors());
        } catch (ModelUploads.RefusedException e) {
            response.setStatus(422);
            return result(model, e.checked(), reason, Map.of());
        }
    }

    @GetMapping("/workflows/models/{processKey}/restore/{processDefinitionId}")
    String restoreForm(@PathVariable String processKey, @PathVariable String processDefinitionId, Model model) {
        return restorePage(model, processKey, processDefinitionId, "", Map.of());
    }

    @PostMapping("/workflows/models/{processKey}/restore/{processDefinitionId}")
    String restore(@PathVariable String processKey, @PathVariable String processDefinitionId,
                   @RequestParam(name = "reason", required = false) String reason, Viewer viewer, Model model,
                   RedirectAttributes flash, HttpServletResponse response) {
        try {
            ModelDeployments.Deployed deployed = uploads.restore(processKey, processDefinitionId, reason, viewer.userId());
            flash.addFlashAttribute("message", deployedMessage(deployed));
            return "redirect:/workflows/models/" + processKey + "/migrate";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return restorePage(model, processKey, processDefinitionId, reason, e.errors());
        } catch (ModelUploads.RefusedException e) {
            response.setStatus(422);
            return restorePage(model, processKey, processDefinitionId, reason, Map.of());
        }
    }

    private String restorePage(Model model, String processKey, String processDefinitionId, String reason, Map<String, String> errors) {
        ModelUploads.Version version = uploads.version(processKey, processDefinitionId);
        model.addAttribute("version", version);
        ModelUploads.Checked checked = uploads.checkRestore(processKey, processDefinitionId);
        model.addAttribute("checked", checked);
        model.addAttribute("dryRun", version.newest() ? null : dryRunOf(checked));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "workflow/upload/restore";
    }

    /**
     * The recorded paths replayed on a model that passed the checks (a refused one cannot be deployed, so it is not
     * worth the seconds a throwaway engine takes); null otherwise.
     */
    private DryRunReport dryRunOf(ModelUploads.Checked checked) {
        return checked.passes() ? dryRun.replay(checked.processKey() + ".bpmn", checked.xml()) : null;
    }

    private static String deployedMessage(ModelDeployments.Deployed deployed) {
        ModelDeployments.Definition d = deployed.definitions().get(0);
        return d.key() + " is now version " + d.version() + ". New cases start on it; running cases stay on the version they "
                + "started on unless you move them below.";
    }

    private static String page(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workflow/upload/upload";
    }

    private String result(Model model, ModelUploads.Checked checked, String reason, Map<String, String> errors) {
        model.addAttribute("checked", checked);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("dryRun", dryRunOf(checked));
        return "workflow/upload/checked";
    }

    private static void hold(HttpSession session, ModelUploads.Checked checked, String reason) {
        LinkedHashMap<String, Held> held = held(session);
        held.put(checked.fingerprint(), new Held(checked.xml(), reason));
        while (held.size() > HELD_FILES) {
            held.remove(held.keySet().iterator().next());
        }
        // set again: the session is stored in the database, and only what is set is written back
        session.setAttribute(HELD, held);
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, Held> held(HttpSession session) {
        Object held = session.getAttribute(HELD);
        return held instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, Held>) map : new LinkedHashMap<>();
    }
}
