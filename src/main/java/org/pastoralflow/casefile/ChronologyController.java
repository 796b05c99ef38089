package org.pastoralflow.casefile;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** One chronology entry on its own page, and corrections to it. */
@Controller
class ChronologyController {

    private static final String TEXT = "text";
    /** The length of an entry's detail in the database (V1__case_store.sql). */
    private static final int DETAIL_LIMIT = 20000;

    private final CaseStore caseStore;

    ChronologyController(CaseStore caseStore) {
        this.caseStore = caseStore;
    }

    @GetMapping("/chronology/{id}")
    String entry(@PathVariable Long id, Viewer viewer, Model model) {
        return page(readable(id, viewer), Map.of(), Map.of(), model);
    }

    /** A correction is read like any form (one normaliser, the entry's own limit); with a problem the page keeps what was typed. */
    @PostMapping("/chronology/{id}/corrections")
    String correct(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                   HttpServletResponse response) {
        ChronologyEntry entry = readable(id, viewer);
        FormData data = new FormData(params.containsKey(TEXT) ? Map.of(TEXT, params.get(TEXT)) : Map.of());
        String text = data.text(TEXT, "Correction", DETAIL_LIMIT, true);
        if (data.hasErrors()) {
            response.setStatus(422);
            return page(entry, data.values(), data.errors(), model);
        }
        ChronologyEntry correction = caseStore.correct(id, text, viewer);
        return "redirect:/students/" + correction.getStudentId();
    }

    private static String page(ChronologyEntry entry, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "casefile/entry";
    }

    /** The entry, if the access policy lets the viewer read it (its confidentiality, a share, its student's year). */
    private ChronologyEntry readable(Long id, Viewer viewer) {
        return caseStore.entry(id, viewer).orElseThrow(() -> new EntryNotFoundException(id));
    }

    @ExceptionHandler(EntryNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "There is no such entry, or it is not one you may see.");
        return "system/not-found";
    }
}
