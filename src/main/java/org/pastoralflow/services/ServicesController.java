package org.pastoralflow.services;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory of local services: searched by any member of staff, kept by the Pastoral Lead. */
@Controller
class ServicesController {

    private final LocalServices services;

    ServicesController(LocalServices services) {
        this.services = services;
    }

    @GetMapping("/services")
    String directory(@RequestParam Map<String, String> params, Viewer viewer, Model model, HttpServletResponse response) {
        FormData find = new FormData(params);
        String words = find.text("q", "Search", 100, false);
        Integer age = find.integer("age", "Age", LocalServices.YOUNGEST, LocalServices.OLDEST, false);
        if (find.hasErrors()) {
            response.setStatus(400);
        }
        model.addAttribute("form", find.values());
        model.addAttribute("errors", find.errors());
        model.addAttribute("found", find.hasErrors() ? java.util.List.of() : services.search(words, age));
        model.addAttribute("keeper", viewer.in(Group.PASTORAL_LEAD));
        return "services/directory";
    }

    @GetMapping("/services/new")
    String newService(Model model) {
        return form(model, null, Map.of(), Map.of());
    }

    @PostMapping("/services")
    String add(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
               HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            LocalService s = services.add(new FormData(values), viewer);
            flash.addFlashAttribute("message", s.getName() + " is in the directory.");
            return "redirect:/services";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(model, null, e.data().values(), e.errors());
        }
    }

    @GetMapping("/services/{id}/edit")
    String edit(@PathVariable Long id, Model model) {
        LocalService s = services.byId(id);
        Map<String, String> form = new HashMap<>();
        form.put("name", s.getName());
        form.put("purpose", s.getPurpose());
        form.put("ageFrom", String.valueOf(s.getAgeFrom()));
        form.put("ageTo", String.valueOf(s.getAgeTo()));
        form.put("howToRefer", s.getHowToRefer());
        form.put("contact", s.getContact());
        if (!s.isActive()) {
            form.put("withdrawn", "on");
        }
        return form(model, s, form, Map.of());
    }

    @PostMapping("/services/{id}")
    String change(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                  RedirectAttributes flash, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            LocalService s = services.change(id, new FormData(values), viewer);
            flash.addFlashAttribute("message", s.getName() + " is changed.");
            return "redirect:/services";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(model, services.byId(id), e.data().values(), e.errors());
        }
    }

    private String form(Model model, LocalService service, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "services/form";
    }
}
