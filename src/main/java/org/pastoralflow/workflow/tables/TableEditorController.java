package org.pastoralflow.workflow.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision table editor, one page per table: every button posts the whole table, so what was typed is kept
 * whatever is pressed (add, remove or move a rule, check and try it, save). {@code ?from=} opens an earlier
 * version, which is how a version is restored.
 */
@Controller
class TableEditorController {

    private final TableEditor editor;

    TableEditorController(TableEditor editor) {
        this.editor = editor;
    }

    @GetMapping("/workflows/tables/{decisionKey}/edit")
    String edit(@PathVariable String decisionKey, @RequestParam(required = false) String from, Viewer viewer, Model model) {
        TableEditor.Editing editing = editor.open(decisionKey, from, viewer);
        return page(model, editing, editing.table(), new FormData(Map.of()), null);
    }

    @PostMapping("/workflows/tables/{decisionKey}/edit")
    String post(@PathVariable String decisionKey, @RequestParam MultiValueMap<String, String> params, Viewer viewer, Model model,
                RedirectAttributes flash, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("_csrf")) {
                values.put(k, String.join(",", v));
            }
        });
        FormData data = new FormData(values);
        String from = data.optional("from");
        String latestSeen = data.optional("latest");
        String action = data.optional("action");
        TableEditor.Editing editing = editor.open(decisionKey, from, viewer);
        EditedTable edited = editor.read(editing, data);
        if (data.hasErrors()) {
            response.setStatus(422);
            return page(model, editing, edited, data, null);
        }
        List<EditedTable.Row> rows = new ArrayList<>(edited.rules());
        try {
            if ("add".equals(action)) {
                rows.add(EditedTable.Row.empty(edited.inputs().size(), edited.outputs().size()));
                return page(model, editing, edited.withRules(rows), data, null);
            }
            if (action != null && action.matches("(remove|up|down)-\\d{1,3}")) {
                move(rows, action);
                return page(model, editing, edited.withRules(rows), data, null);
            }
            if ("save".equals(action)) {
                TableEditor.Saved saved = editor.save(editing, edited, data, latestSeen, viewer);
                flash.addFlashAttribute("message", saved.deployedVersion() != null
                        ? "Version " + saved.deployedVersion() + " of the table is deployed: new cases follow it from now."
                        : "Your change is waiting for a DSL's approval. It is deployed when a DSL approves it.");
                return "redirect:/workflows/tables/" + decisionKey + "/edit";
            }
            if (action == null || "try".equals(action)) {
                editor.problems(editing, edited).forEach(data::reject);
                data.throwIfInvalid();
                return page(model, editing, edited, data, editor.tryIt(editing, edited, data));
            }
            data.reject("action", "Choose one of the page's buttons.");
            data.throwIfInvalid();
            return null;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(model, editing, edited, e.data(), null);
        }
    }

    /** "remove-3", "up-3", "down-3": the rule at that position (from 1) out, or a place up or down. */
    private static void move(List<EditedTable.Row> rows, String action) {
        int at = Integer.parseInt(action.substring(action.indexOf('-') + 1)) - 1;
        if (at < 0 || at >= rows.size()) {
            return;
        }
        if (action.startsWith("remove")) {
            rows.remove(at);
        } else if (action.startsWith("up") && at > 0) {
            rows.add(at - 1, rows.remove(at));
        } else if (action.startsWith("down") && at < rows.size() - 1) {
            rows.add(at + 1, rows.remove(at));
        }
    }

    private String page(Model model, TableEditor.Editing editing, EditedTable table, FormData data, TableEditor.Tried tried) {
        model.addAttribute("editing", editing);
        model.addAttribute("table", table);
        model.addAttribute("hitPolicies", TableFiles.HIT_POLICIES);
        model.addAttribute("form", data.values());
        model.addAttribute("errors", data.errors());
        model.addAttribute("tried", tried);
        model.addAttribute("choices", editor.sampleChoices(table));
        model.addAttribute("changes", editor.recentChanges(editing.table().decisionKey()));
        return "workflow/tables/edit";
    }
}
