package org.pastoralflow.settings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The settings page: the DSL, the Pastoral Lead and administrators (SecurityConfig; each setting's guard decides the rest). */
@Controller
class SettingsController {

    /** Empty rows and lines offered under each list, to add to it. */
    static final int SPARE = 2;

    private final SchoolSettings settings;

    SettingsController(SchoolSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings")
    String page(Viewer viewer, Model model) {
        SchoolSettings.Page page = settings.page(viewer);
        return show(model, viewer, page, fields(page.values()), Map.of());
    }

    @PostMapping("/settings")
    String save(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        try {
            SettingsVersion saved = settings.save(new FormData(values(params)), viewer);
            flash.addFlashAttribute("message", saved == null ? "Nothing was changed, so no version was saved."
                    : "Saved as version " + saved.number() + ". New deadlines apply to tasks and timers made from now on.");
            return "redirect:/settings";
        } catch (InvalidFormException e) {
            response.setStatus(e instanceof NotYoursToChange ? 403 : 422);
            SchoolSettings.Page page = settings.page(viewer);
            Map<String, String> form = fields(page.values());
            form.putAll(e.data().values());
            return show(model, viewer, page, form, e.errors());
        }
    }

    @PostMapping("/settings/versions/{version}/put-back")
    String putBack(@PathVariable("version") int number, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                   RedirectAttributes flash, HttpServletResponse response) {
        try {
            SettingsVersion saved = settings.putBack(number, new FormData(values(params)), viewer);
            flash.addFlashAttribute("message", saved == null ? "Version " + number + " is what is in force already."
                    : "Version " + number + " is put back, as version " + saved.number() + ".");
            return "redirect:/settings";
        } catch (InvalidFormException e) {
            response.setStatus(e instanceof NotYoursToChange ? 403 : 422);
            SchoolSettings.Page page = settings.page(viewer);
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, message) -> errors.put(field + "-v" + number, message));
            model.addAttribute("putBackReason", Map.of(number, e.data().values().getOrDefault("reason", "")));
            return show(model, viewer, page, fields(page.values()), errors);
        }
    }

    private String show(Model model, Viewer viewer, SchoolSettings.Page page, Map<String, String> form, Map<String, String> errors) {
        Map<String, Boolean> may = new HashMap<>();
        SettingsCatalogue.all().forEach(s -> may.put(s.key(), s.guard().mayChange(viewer)));
        Map<Integer, Boolean> mayPutBack = new HashMap<>();
        page.history().forEach(v -> mayPutBack.put(v.number(), settings.mayPutBack(v, page, viewer)));
        mayPutBack.put(0, settings.mayPutBack(SettingsVersion.DEFAULTS, page, viewer));
        Map<String, Integer> rows = new HashMap<>();
        SettingsCatalogue.all().stream().filter(Setting::isList).forEach(s -> rows.put(s.key(), rowsIn(form, s)));
        model.addAttribute("sections", SettingsCatalogue.sections());
        model.addAttribute("page", page);
        model.addAttribute("shown", shown(page));
        model.addAttribute("may", may);
        model.addAttribute("mayPutBack", mayPutBack);
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("putBackReason")) {
            model.addAttribute("putBackReason", Map.of());
        }
        return "settings/page";
    }

    /** Each setting's default and value as one line of text, for the hints and the read-only settings. */
    private static Map<String, String[]> shown(SchoolSettings.Page page) {
        Map<String, String[]> shown = new HashMap<>();
        SettingsCatalogue.all().forEach(s -> shown.put(s.key(), new String[] {SchoolSettings.shown(s, page.defaults().get(s.key())),
                SchoolSettings.shown(s, page.values().get(s.key()))}));
        return shown;
    }

    /** The values in force as the page's fields, with the spare rows and lines to add to a list. */
    @SuppressWarnings("unchecked")
    static Map<String, String> fields(Map<String, Object> values) {
        Map<String, String> form = new HashMap<>();
        for (Setting s : SettingsCatalogue.all()) {
            Object v = values.get(s.key());
            switch (s.kind()) {
                case WHOLE, DECIMAL -> form.put(s.field(), v == null ? "" : v.toString());
                case TEXT_LIST -> {
                    List<String> lines = (List<String>) v;
                    for (int i = 0; i < lines.size() + SPARE; i++) {
                        form.put(s.field() + "." + i, i < lines.size() ? lines.get(i) : "");
                    }
                }
                case ROWS -> {
                    List<Map<String, String>> list = (List<Map<String, String>>) v;
                    for (int i = 0; i < list.size() + SPARE; i++) {
                        for (Setting.Column c : s.columns()) {
                            form.put(s.field() + "." + i + "." + c.name(), i < list.size() ? list.get(i).getOrDefault(c.name(), "") : "");
                        }
                    }
                }
            }
        }
        return form;
    }

    private static int rowsIn(Map<String, String> form, Setting s) {
        int n = 0;
        while (n < SettingsForm.MOST_ROWS && sent(form, s, n)) {
            n++;
        }
        return n;
    }

    private static boolean sent(Map<String, String> form, Setting s, int i) {
        String at = s.field() + "." + i;
        return form.containsKey(at) || s.columns().stream().anyMatch(c -> form.containsKey(at + "." + c.name()));
    }

    private static Map<String, String> values(Map<String, String> params) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        return values;
    }
}
