package org.pastoralflow.staff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's staff page: everyone with an account and their groups, one person's groups
 * to change, a change to the DSL group to propose, a locked account to unlock. Accounts
 * themselves (name, e-mail, password) are kept in Camunda Admin.
 */
@Controller
class StaffController {

    /** Values of the DSL form's "change" field. */
    static final Map<String, GroupChange.Kind> CHANGES = Map.of("add", GroupChange.Kind.ADD, "remove", GroupChange.Kind.REMOVE);

    private final GroupChanges groupChanges;
    private final StaffDirectory directory;
    private final boolean webapps;

    StaffController(GroupChanges groupChanges, StaffDirectory directory,
                    @Value("${pastoral.camunda-webapps.enabled:true}") boolean webapps) {
        this.groupChanges = groupChanges;
        this.directory = directory;
        this.webapps = webapps;
    }

    /** One line of the list: the groups named as the page shows them ("pso, staff"). */
    public record Row(String userId, String name, String groups) {
    }

    @GetMapping("/admin/staff")
    String list(Model model) {
        List<Row> rows = directory.everyone().stream().map(p -> new Row(p.userId(), p.displayName(),
                String.join(", ", p.groups().stream().filter(g -> Group.byId(g).isPresent()).sorted().toList()))).toList();
        model.addAttribute("people", rows);
        model.addAttribute("waiting", groupChanges.waiting());
        model.addAttribute("webapps", webapps);
        return "staff/list";
    }

    @GetMapping("/admin/staff/{userId}")
    String person(@PathVariable String userId, Model model) {
        StaffDirectory.Person person = find(userId);
        return person(model, person, person.groups(), Map.of());
    }

    @PostMapping("/admin/staff/{userId}/groups")
    String setGroups(@PathVariable String userId, @RequestParam(name = "groups", required = false) List<String> groups,
                     Viewer viewer, Model model, RedirectAttributes flash, HttpServletResponse response) {
        StaffDirectory.Person person = find(userId);
        Set<String> wanted = new LinkedHashSet<>(groups == null ? List.of() : groups);
        try {
            List<String> done = groupChanges.setGroups(userId, wanted, viewer);
            flash.addFlashAttribute("message", done.isEmpty() ? "Nothing had changed."
                    : person.displayName() + ": " + String.join(", ", done) + ". It applies from their next click.");
            return "redirect:/admin/staff/" + userId;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            Set<String> shown = new LinkedHashSet<>(wanted);
            // the DSL box is not part of this form: it keeps showing the membership as it is
            shown.remove(Group.DSL.id());
            if (person.groups().contains(Group.DSL.id())) {
                shown.add(Group.DSL.id());
            }
            return person(model, person, shown, e.errors());
        }
    }

    @PostMapping("/admin/staff/{userId}/dsl")
    String proposeDsl(@PathVariable String userId, @RequestParam(name = "change", required = false) String change,
                      Viewer viewer, Model model, RedirectAttributes flash, HttpServletResponse response) {
        StaffDirectory.Person person = find(userId);
        try {
            GroupChange.Kind kind = CHANGES.get(change == null ? "" : change);
            if (kind == null) {
                throw InvalidFormException.of("change", "Choose whether to add " + person.displayName() + " to the DSL group or to remove them.");
            }
            GroupChange proposed = proposeOnce(userId, kind, viewer, person);
            flash.addFlashAttribute("message", "Proposed " + proposed.describe(person.displayName())
                    + ". The DSLs have been e-mailed; it takes effect when one of them confirms it.");
            return "redirect:/admin/staff/" + userId;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return person(model, person, person.groups(), e.errors());
        }
    }

    @PostMapping("/admin/staff/{userId}/unlock")
    String unlock(@PathVariable String userId, Viewer viewer, RedirectAttributes flash) {
        StaffDirectory.Person person = find(userId);
        groupChanges.unlock(userId, viewer);
        flash.addFlashAttribute("message", person.displayName() + " can sign in again (if their account was locked).");
        return "redirect:/admin/staff/" + userId;
    }

    /** Two administrators proposing the same change at once: the second is told it is already waiting. */
    private GroupChange proposeOnce(String userId, GroupChange.Kind kind, Viewer viewer, StaffDirectory.Person person) {
        try {
            return groupChanges.propose(userId, kind, viewer);
        } catch (DataIntegrityViolationException both) {
            throw InvalidFormException.of("change", "A change to " + person.displayName() + "'s place in the DSL group is already waiting for a DSL.");
        }
    }

    private StaffDirectory.Person find(String userId) {
        if (!directory.userExists(userId)) {
            throw new NotFoundException("No account " + userId);
        }
        return new StaffDirectory.Person(userId, directory.displayName(userId), directory.groupsOf(userId));
    }

    private String person(Model model, StaffDirectory.Person person, Set<String> ticked, Map<String, String> errors) {
        List<Group> groups = new ArrayList<>(GroupChanges.DIRECT);
        model.addAttribute("person", person);
        model.addAttribute("groups", groups);
        model.addAttribute("ticked", ticked);
        model.addAttribute("isDsl", person.groups().contains(Group.DSL.id()));
        model.addAttribute("waiting", groupChanges.waiting().stream().filter(c -> c.getUserId().equals(person.userId())).findFirst().orElse(null));
        model.addAttribute("errors", errors);
        return "staff/person";
    }
}
