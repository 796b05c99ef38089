package org.pastoralflow.workflow.upload;

import org.camunda.bpm.engine.batch.Batch;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Moving running cases of an older version of a model to the newest: the versions, the preview, the batch. */
@Controller
class MigrationController {

    private final Migrations migrations;

    MigrationController(Migrations migrations) {
        this.migrations = migrations;
    }

    @GetMapping("/workflows/models/{processKey}/migrate")
    String page(@PathVariable String processKey, @RequestParam(name = "from", required = false) String from, Model model) {
        model.addAttribute("processKey", processKey);
        model.addAttribute("versions", migrations.versions(processKey));
        model.addAttribute("preview", from == null || from.isBlank() ? null : migrations.preview(processKey, from));
        model.addAttribute("batches", migrations.running());
        return "workflow/upload/migrate";
    }

    @PostMapping("/workflows/models/{processKey}/migrate")
    String move(@PathVariable String processKey, @RequestParam(name = "from", required = false) String from, Viewer viewer,
                RedirectAttributes flash) {
        Batch batch = from == null ? null : migrations.move(processKey, from, viewer.userId());
        flash.addFlashAttribute("message", batch == null ? "No case of that version can move; nothing was changed."
                : "Moving " + batch.getTotalJobs() + " cases to the newest version. The progress shows below; cases move in the "
                + "background, a few at a time.");
        return "redirect:/workflows/models/" + processKey + "/migrate";
    }
}
