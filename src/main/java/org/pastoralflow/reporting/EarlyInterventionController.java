package org.pastoralflow.reporting;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.Coded;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The early-intervention list, and the concern form prefilled from a student's evidence: posting
 * it is raising a concern like any other ({@code POST /referrals}, {@code ReferralService.raise}).
 */
@Controller
class EarlyInterventionController {

    private final EarlyIntervention earlyIntervention;
    private final Filters filters;
    private final StudentRepository students;
    private final Clock clock;

    EarlyInterventionController(EarlyIntervention earlyIntervention, Filters filters, StudentRepository students,
                                Clock clock) {
        this.earlyIntervention = earlyIntervention;
        this.filters = filters;
        this.students = students;
        this.clock = clock;
    }

    @GetMapping("/early-intervention")
    String list(@RequestParam Map<String, String> params, Viewer viewer, Model model) {
        DashboardFilter filter = filters.read(params);
        model.addAttribute("listed", earlyIntervention.list(filter, viewer));
        model.addAttribute("filter", filter);
        model.addAttribute("years", Filters.YEAR_GROUPS);
        model.addAttribute("groups", filters.tutorGroups(filter.yearGroup()));
        model.addAttribute("rules", earlyIntervention.settings());
        return "reporting/early-intervention";
    }

    /** The concern form with the category the evidence suggests and the evidence as what was seen; the person edits before sending. */
    @GetMapping("/early-intervention/{id}/concern")
    String concern(@PathVariable("id") Long studentId, Viewer viewer, Model model) {
        Student student = students.findById(studentId).orElseThrow(() -> new NotFoundException("No such student"));
        List<EarlyIntervention.Evidence> evidence = earlyIntervention.evidenceFor(studentId, viewer);
        if (evidence.isEmpty()) {
            throw new NotFoundException("This student is not on the early-intervention list");
        }
        StringBuilder description = new StringBuilder("On the early-intervention list:\n");
        for (EarlyIntervention.Evidence e : evidence) {
            description.append("- ").append(e.title()).append('\n');
            e.details().forEach(d -> description.append("    ").append(d).append('\n'));
        }
        Map<String, String> form = new HashMap<>();
        form.put("category", evidence.get(0).suggestedCategory());
        form.put("description", description.toString().trim());
        form.put("occurredAt", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).toString());
        model.addAttribute("student", student);
        model.addAttribute("categories", Coded.options(ReferralCategory.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        return "referral/new";
    }
}
