package org.pastoralflow.casefile;

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

    private final CaseStore caseStore;

    ChronologyController(CaseStore caseStore) {
        this.caseStore = caseStore;
    }

    @GetMapping("/chronology/{id}")
    String entry(@PathVariable Long id, Viewer viewer, Model model) {
        model.addAttribute("entry", readable(id, viewer));
        return "casefile/entry";
    }

    @PostMapping("/chronology/{id}/corrections")
    String correct(@PathVariable Long id, @RequestParam(required = false) String text, Viewer viewer) {
        readable(id, viewer);
        if (text == null || text.isBlank()) {
            return "redirect:/chronology/" + id + "?correctionMissing";
        }
        ChronologyEntry correction = caseStore.correct(id, text.trim(), viewer);
        return "redirect:/students/" + correction.getStudentId();
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
