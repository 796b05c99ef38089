package org.pastoralflow.transition;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The feeder primaries of a cohort, what each still owes, and the contact log with each. */
@Controller
class FeederSchoolController {

    private final FeederSchools schools;
    private final Transitions transitions;

    FeederSchoolController(FeederSchools schools, Transitions transitions) {
        this.schools = schools;
        this.transitions = transitions;
    }

    @GetMapping("/transition/schools")
    String list(@RequestParam(required = false) Integer year, Model model) {
        int entryYear = cohortYear(year);
        model.addAttribute("cohort", transitions.cohort(entryYear).orElseThrow(() -> new NotFoundException("No such cohort")));
        model.addAttribute("schools", schools.summaries(entryYear));
        return "transition/schools";
    }

    @GetMapping("/transition/schools/{urn}")
    String school(@PathVariable String urn, @RequestParam(required = false) Integer year, Model model) {
        return page(schools.byUrn(urn), cohortYear(year), Map.of(), Map.of(), model);
    }

    @PostMapping("/transition/schools/{urn}/contacts")
    String logContact(@PathVariable String urn, @RequestParam(name = "year", required = false) Integer asked,
                      @RequestParam Map<String, String> params, Viewer viewer, RedirectAttributes flash, Model model,
                      HttpServletResponse response) {
        FeederSchool school = schools.byUrn(urn);
        int year = cohortYear(asked);
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            FeederContact c = schools.logContact(school, year, new FormData(values), viewer);
            flash.addFlashAttribute("message", c.kindLabel() + " with " + school.getName() + " logged.");
            return "redirect:/transition/schools/" + urn + "?year=" + year;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(school, year, e.data().values(), e.errors(), model);
        }
    }

    private String page(FeederSchool school, int year, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("cohort", transitions.cohort(year).orElseThrow(() -> new NotFoundException("No such cohort")));
        model.addAttribute("school", school);
        model.addAttribute("students", schools.students(school, year));
        model.addAttribute("contacts", schools.contacts(school, year));
        model.addAttribute("kinds", FeederContact.KINDS);
        Map<String, String> defaults = new HashMap<>(form);
        defaults.putIfAbsent("occurredOn", transitions.today().toString());
        model.addAttribute("form", defaults);
        model.addAttribute("errors", errors);
        return "transition/school";
    }

    private int cohortYear(Integer year) {
        Integer y = year != null ? year : transitions.defaultEntryYear().orElse(null);
        if (y == null || transitions.cohort(y).isEmpty()) {
            throw new NotFoundException("No such cohort");
        }
        return y;
    }
}
