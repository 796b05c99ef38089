package org.pastoralflow.transition;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.MisCsv;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The allocation list import (the Pastoral Lead and administrators). */
@Controller
class AllocationImportController {

    private final AllocationImporter importer;
    private final Transitions transitions;

    AllocationImportController(AllocationImporter importer, Transitions transitions) {
        this.importer = importer;
        this.transitions = transitions;
    }

    @GetMapping("/transition/import")
    String form(@RequestParam(required = false) Integer year, Model model) {
        int entryYear = year != null ? year : transitions.suggestedEntryYear();
        CohortDates dates = transitions.cohort(entryYear).map(TransitionCohort::dates).orElse(CohortDates.suggested(entryYear));
        Map<String, String> form = new HashMap<>();
        form.put("year", String.valueOf(entryYear));
        form.put("transitionDayFirst", dates.transitionDayFirst().toString());
        form.put("transitionDayLast", dates.transitionDayLast().toString());
        form.put("interviewsDue", dates.interviewsDue().toString());
        return page(form, Map.of(), model);
    }

    @PostMapping("/transition/import")
    String importCsv(@RequestParam(value = "file", required = false) MultipartFile file, @RequestParam Map<String, String> params,
                     Viewer viewer, Model model, HttpServletResponse response) throws IOException {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        FormData data = new FormData(values);
        Integer year = data.integer("year", "Joining Year 7 in September", 2000, 2100, true);
        CohortDates dates = year == null ? null : CohortDates.read(data, year);
        if (file == null || file.isEmpty()) {
            data.reject("file", "Choose the allocation list (CSV) from the admissions team.");
        }
        if (data.hasErrors()) {
            response.setStatus(422);
            return page(data.values(), data.errors(), model);
        }
        AllocationImporter.Result result = importer.importCsv(file.getInputStream(), year, dates, viewer.userId());
        if (!result.report().accepted()) {
            response.setStatus(422);
        }
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        return page(data.values(), Map.of(), model);
    }

    private String page(Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("columns", String.join(", ", AllocationImporter.COLUMNS.stream().map(MisCsv.Column::name).toList()));
        model.addAttribute("cohorts", transitions.cohorts());
        return "transition/import";
    }
}
