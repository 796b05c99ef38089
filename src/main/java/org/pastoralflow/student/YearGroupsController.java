package org.pastoralflow.student;

import org.pastoralflow.security.YearGroupScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator sets which year groups each PSO and Head of Year works with. Every row is
 * checked before anything is saved; a wrong row is named and the page keeps what was typed.
 */
@Controller
class YearGroupsController {

    static final int LOWEST = 1, HIGHEST = 14;

    /** One person in {@code pso} or {@code hoy}: their name, groups, the years as typed or saved, and the form field. */
    public record Row(String name, String groups, String years, String field) {
    }

    private final YearGroupScope scope;
    private final StaffDirectory directory;

    YearGroupsController(YearGroupScope scope, StaffDirectory directory) {
        this.scope = scope;
        this.directory = directory;
    }

    @GetMapping("/admin/year-groups")
    String page(Model model) {
        Map<String, Set<Integer>> saved = scope.all();
        Map<String, String> typed = new LinkedHashMap<>();
        people().forEach(u -> typed.put(u, asTyped(saved.getOrDefault(u, Set.of()))));
        return page(model, typed, Map.of());
    }

    @PostMapping("/admin/year-groups")
    String save(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Set<Integer>> years = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Set<Integer>> saved = scope.all();
        for (String user : people()) {
            String sent = params.get("years-" + user);
            if (sent == null) {
                // not on the page that was sent (added to the group since it was opened): left as it is
                typed.put(user, asTyped(saved.getOrDefault(user, Set.of())));
                continue;
            }
            String text = sent.trim();
            typed.put(user, text);
            Set<Integer> parsed = new TreeSet<>();
            // "8, 9", "8 9", "Year 8", "Years 8 and 9" and "Y8" all read as years
            String numbers = text.replaceAll("(?i)\\b(years?|and)\\b", " ").trim();
            for (String token : numbers.isEmpty() ? new String[0] : numbers.split("[,;\\s]+")) {
                String number = token.replaceFirst("(?i)^(year|y)", "");
                try {
                    int y = Integer.parseInt(number);
                    if (y < LOWEST || y > HIGHEST) {
                        throw new NumberFormatException();
                    }
                    parsed.add(y);
                } catch (NumberFormatException e) {
                    errors.put("years-" + user, "Year groups for " + directory.displayName(user) + ": \"" + token
                            + "\" is not a year group. Write numbers from " + LOWEST + " to " + HIGHEST + ", such as 8, 9.");
                    break;
                }
            }
            years.put(user, parsed);
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(model, typed, errors);
        }
        List<String> changed = scope.replace(years, viewer.userId());
        flash.addFlashAttribute("message", changed.isEmpty() ? "Nothing had changed." : "Saved the year groups of "
                + String.join(", ", changed.stream().map(directory::displayName).toList()) + ".");
        return "redirect:/admin/year-groups";
    }

    /** Saved years as the field shows them: "8, 9". */
    private static String asTyped(Set<Integer> years) {
        return String.join(", ", years.stream().map(String::valueOf).toList());
    }

    /** Everyone in pso or hoy, by id. */
    private List<String> people() {
        Set<String> ids = new TreeSet<>(directory.membersOf(Group.PSO.id()));
        ids.addAll(directory.membersOf(Group.HOY.id()));
        return List.copyOf(ids);
    }

    private String page(Model model, Map<String, String> typed, Map<String, String> errors) {
        List<Row> rows = new ArrayList<>();
        typed.forEach((user, text) -> {
            Set<String> groups = directory.groupsOf(user);
            List<String> names = new ArrayList<>();
            for (Group g : Group.values()) {
                if (g != Group.STAFF && groups.contains(g.id())) {
                    names.add(g.id());
                }
            }
            rows.add(new Row(directory.displayName(user), String.join(", ", names), text, "years-" + user));
        });
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "student/year-groups";
    }
}
