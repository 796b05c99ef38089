package org.pastoralflow.intervention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalogue, groups, a session's register and the scores. Caseworkers only (SecurityConfig). */
@Controller
class InterventionController {

    private final Catalogue catalogue;
    private final GroupReads reads;
    private final GroupRecords records;
    private final Clock clock;

    InterventionController(Catalogue catalogue, GroupReads reads, GroupRecords records, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.reads = reads;
        this.records = records;
    }

    @GetMapping("/interventions")
    String list(Viewer viewer, Model model) {
        Map<Long, Intervention> byId = catalogue.byId();
        model.addAttribute("groups", reads.groups(viewer));
        model.addAttribute("catalogue", byId);
        model.addAttribute("mayRun", GroupRecords.mayRun(viewer));
        return "intervention/list";
    }

    @GetMapping("/interventions/catalogue")
    String catalogue(Viewer viewer, Model model) {
        model.addAttribute("entries", catalogue.all());
        model.addAttribute("scales", catalogue.measures().scales());
        model.addAttribute("mayEdit", Catalogue.mayEdit(viewer));
        return "intervention/catalogue";
    }

    /** The form to add or change an entry: the Pastoral Lead and the SENCO only (others: 404). */
    @GetMapping("/interventions/catalogue/edit")
    String editCatalogue(Viewer viewer, Model model) {
        if (!Catalogue.mayEdit(viewer)) {
            throw new NotFoundException("Nothing was found there.");
        }
        return cataloguePage(model, viewer, Map.of("kind", Intervention.GROUP, "costPer", Intervention.PER_SESSION, "sessionMinutes", "50",
                "typicalSessions", "6"), Map.of());
    }

    @PostMapping("/interventions/catalogue")
    String saveEntry(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                     HttpServletResponse response) {
        if (!Catalogue.mayEdit(viewer)) {
            throw new NotFoundException("Nothing was found there.");
        }
        try {
            Intervention saved = catalogue.save(new FormData(values(params)), viewer);
            flash.addFlashAttribute("message", "Saved: " + saved.getName() + ".");
            return "redirect:/interventions/catalogue";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return cataloguePage(model, viewer, e.data().values(), e.errors());
        }
    }

    @GetMapping("/interventions/groups/new")
    String newGroup(@RequestParam(required = false) String upn, @RequestParam(required = false) String source, Viewer viewer, Model model) {
        requireRunner(viewer);
        Map<String, String> form = new HashMap<>();
        form.put("firstSession", LocalDate.now(clock).toString());
        form.put("startsAt", "14:00");
        form.put("sessionCount", "6");
        form.put("level", "pastoral");
        if (upn != null && upn.matches("[A-Za-z0-9]{1,13}")) {
            form.put("upn", upn);
        }
        if (source != null && GroupRecords.SOURCES.containsKey(source)) {
            form.put("source", source);
        }
        return groupForm(model, form, Map.of());
    }

    @PostMapping("/interventions/groups")
    String create(@RequestParam Map<String, String> params, Viewer viewer, Model model, HttpServletResponse response) {
        requireRunner(viewer);
        Map<String, String> values = values(params);
        try {
            InterventionGroup g = records.create(new FormData(values), viewer);
            String carry = values.get("upn") == null || !values.get("upn").matches("[A-Za-z0-9]{1,13}") ? ""
                    : "?upn=" + values.get("upn") + (GroupRecords.SOURCES.containsKey(values.get("source")) ? "&source=" + values.get("source") : "");
            return "redirect:/interventions/groups/" + g.getId() + carry;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return groupForm(model, e.data().values(), e.errors());
        }
    }

    @GetMapping("/interventions/groups/{id}")
    String group(@PathVariable Long id, @RequestParam(required = false) String upn, @RequestParam(required = false) String source,
                 Viewer viewer, Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("source", source != null && GroupRecords.SOURCES.containsKey(source) ? source : "hand");
        if (upn != null && upn.matches("[A-Za-z0-9]{1,13}")) {
            form.put("upn", upn);
        }
        return groupPage(model, id, viewer, form, Map.of());
    }

    @PostMapping("/interventions/groups/{id}/members")
    String addMember(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                     HttpServletResponse response) {
        try {
            GroupMember m = records.addMember(id, new FormData(values(params)), viewer);
            flash.addFlashAttribute("message", reads.studentName(m.getStudentId()) + " joined the group.");
            return "redirect:/interventions/groups/" + id;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return groupPage(model, id, viewer, e.data().values(), e.errors());
        }
    }

    @PostMapping("/interventions/groups/{id}/scores")
    String scores(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        try {
            records.scores(id, new FormData(values(params)), viewer);
            flash.addFlashAttribute("message", "Scores saved.");
            return "redirect:/interventions/groups/" + id;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return groupPage(model, id, viewer, e.data().values(), e.errors());
        }
    }

    @GetMapping("/interventions/groups/{id}/sessions/{number}")
    String register(@PathVariable Long id, @PathVariable int number, Viewer viewer, Model model) {
        InterventionGroup g = reads.group(id, viewer);
        if (g.scheduled(number) == null) {
            throw new NotFoundException("This group has no session " + number + ".");
        }
        Map<String, String> form = new HashMap<>();
        form.put("heldOn", g.scheduled(number).toString());
        reads.registerOf(g, viewer).forEach(m -> form.put("mark-" + m.getId(), SessionMark.PRESENT));
        return registerPage(model, g, number, viewer, form, Map.of());
    }

    @PostMapping("/interventions/groups/{id}/sessions/{number}")
    String takeRegister(@PathVariable Long id, @PathVariable int number, @RequestParam Map<String, String> params, Viewer viewer,
                        Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            records.register(id, number, new FormData(values(params)), viewer);
            flash.addFlashAttribute("message", "Register for session " + number + " saved; each member's chronology has a line for it.");
            return "redirect:/interventions/groups/" + id;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            InterventionGroup g = reads.group(id, viewer);
            return registerPage(model, g, number, viewer, e.data().values(), e.errors());
        }
    }

    private String registerPage(Model model, InterventionGroup g, int number, Viewer viewer, Map<String, String> form,
                                Map<String, String> errors) {
        List<GroupMember> on = reads.registerOf(g, viewer);
        Map<Long, String> names = new HashMap<>();
        on.forEach(m -> names.put(m.getId(), reads.studentName(m.getStudentId())));
        model.addAttribute("group", g);
        model.addAttribute("intervention", catalogue.get(g.getInterventionId()));
        model.addAttribute("number", number);
        model.addAttribute("scheduled", g.scheduled(number));
        model.addAttribute("members", on);
        model.addAttribute("names", names);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "intervention/register";
    }

    private String groupPage(Model model, Long id, Viewer viewer, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("view", reads.view(id, viewer));
        model.addAttribute("sources", GroupRecords.SOURCES);
        model.addAttribute("mayRun", GroupRecords.mayRun(viewer));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "intervention/group";
    }

    private String groupForm(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("interventions", catalogue.active());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "intervention/new-group";
    }

    private String cataloguePage(Model model, Viewer viewer, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("entries", catalogue.all());
        model.addAttribute("scales", catalogue.measures().scales());
        model.addAttribute("mayEdit", Catalogue.mayEdit(viewer));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "intervention/catalogue-edit";
    }

    private static void requireRunner(Viewer viewer) {
        if (!GroupRecords.mayRun(viewer)) {
            throw new NotFoundException("Nothing was found there.");
        }
    }

    private static Map<String, String> values(Map<String, String> params) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        return values;
    }
}
