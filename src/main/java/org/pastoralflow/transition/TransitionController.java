package org.pastoralflow.transition;

import org.pastoralflow.forms.Coded;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.documents.CsvExport;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.workflow.TaskUnavailableException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cohort board and its CSV, one incoming student's transition page and tutor booklet, the
 * transition register, and the small forms on those pages (a concern, the tutor group, the dates).
 */
@Controller
class TransitionController {

    static final String EVENT_DAYS = "days";
    static final String EVENT_RIGHT_START = "right-start";

    private final Transitions transitions;
    private final TransitionRecording recording;
    private final TransitionAllocation allocation;
    private final TransitionRegister register;
    private final CohortBoard board;
    private final PdfRenderer pdfs;
    private final Formats fmt;

    TransitionController(Transitions transitions, TransitionRecording recording, TransitionAllocation allocation,
                         TransitionRegister register, CohortBoard board, PdfRenderer pdfs, Formats fmt) {
        this.transitions = transitions;
        this.recording = recording;
        this.allocation = allocation;
        this.register = register;
        this.board = board;
        this.pdfs = pdfs;
        this.fmt = fmt;
    }

    // ---------------------------------------------------------------- the board

    @GetMapping("/transition")
    String board(@RequestParam(required = false) Integer year, @RequestParam(required = false) String school,
                 @RequestParam(required = false) String pathway, @RequestParam(required = false) String tutor,
                 @RequestParam(required = false) String outstanding, Viewer viewer, Model model) {
        Integer entryYear = year != null ? year : transitions.defaultEntryYear().orElse(null);
        model.addAttribute("cohorts", transitions.cohorts());
        model.addAttribute("mayImport", viewer.inAny(Group.PASTORAL_LEAD, Group.ADMIN));
        if (entryYear == null || transitions.cohort(entryYear).isEmpty()) {
            model.addAttribute("board", null);
            return "transition/board";
        }
        CohortBoard.Board b = board.board(entryYear, new CohortBoard.Filters(school, pathway, tutor, outstanding), viewer);
        if (b.dsl()) {
            transitions.audited(viewer, "VIEW", "transition-board", (long) entryYear, null,
                    "Cohort board with the CP file column, September " + entryYear + ", " + b.rows().size() + " students");
        }
        model.addAttribute("board", b);
        model.addAttribute("cohort", transitions.cohort(entryYear).orElseThrow());
        model.addAttribute("withdrawn", transitions.withdrawn(entryYear));
        model.addAttribute("mayChangeDates", viewer.inAny(Group.PASTORAL_LEAD, Group.ADMIN));
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "transition/board";
    }

    @PostMapping("/transition/cohort")
    String changeDates(@RequestParam int year, @RequestParam Map<String, String> params, Viewer viewer, RedirectAttributes flash,
                       Model model, HttpServletResponse response) {
        FormData data = form(params);
        try {
            allocation.changeDates(year, data, viewer);
            flash.addFlashAttribute("message", "The dates of the September " + year + " cohort are changed; due dates moved with them.");
            return "redirect:/transition?year=" + year;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            String page = board(year, null, null, null, null, viewer, model);
            model.addAttribute("form", e.data().values());
            model.addAttribute("errors", e.errors());
            return page;
        }
    }

    /** The same rows as the filtered board, as CSV (documents.CsvExport); the CP file column only for the DSL group. */
    @GetMapping("/transition/board.csv")
    ResponseEntity<byte[]> csv(@RequestParam(name = "year", required = false) Integer asked,
                               @RequestParam(required = false) String school,
                               @RequestParam(required = false) String pathway, @RequestParam(required = false) String tutor,
                               @RequestParam(required = false) String outstanding, Viewer viewer) {
        int year = cohortYear(asked);
        CohortBoard.Board b = board.board(year, new CohortBoard.Filters(school, pathway, tutor, outstanding), viewer);
        List<String> header = new ArrayList<>(List.of("Reference", "UPN", "Surname", "Forename", "Feeder school", "Feeder URN",
                "Tutor group", "Transition", "Needs"));
        for (Milestone m : b.columns()) {
            header.add(m.label());
            header.add(m.label() + " due");
        }
        CsvExport csv = CsvExport.withHeader(header);
        for (CohortBoard.Row r : b.rows()) {
            List<String> line = new ArrayList<>(List.of(r.reference(), r.upn(), r.surname(), r.forename(), r.school(),
                    r.schoolUrn(), r.tutorGroup() == null ? "" : r.tutorGroup(), r.pathwayLabel(), String.join("; ", r.needs())));
            for (Milestone m : b.columns()) {
                CohortBoard.Cell c = r.cells().get(m);
                line.add(c == null ? "" : c.rag().label() + (c.outcome() == null ? "" : ": " + c.outcome()));
                line.add(c == null || c.due() == null ? "" : c.due().toString());
            }
            csv.row(line);
        }
        transitions.audited(viewer, "EXPORT", "transition-board", (long) year, null, "Cohort board CSV, September " + year + ", "
                + b.rows().size() + " students" + (b.dsl() ? " with the CP file column" : "") + (b.filters().any() ? ", filtered" : ""));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("transition-" + year + ".csv").build().toString())
                .body(csv.toBytes());
    }

    // ---------------------------------------------------------------- one student

    @GetMapping("/transition/{reference}")
    String show(@PathVariable String reference, Viewer viewer, Model model) {
        Transition t = transitions.readable(reference, viewer);
        return page(t, viewer, model, Map.of(), Map.of());
    }

    private String page(Transition t, Viewer viewer, Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAllAttributes(TransitionPage.model(t, viewer, transitions, "transition page"));
        model.addAttribute("openTasks", transitions.openTasks(t, viewer));
        model.addAttribute("concerns", transitions.concernsOf(t));
        model.addAttribute("categories", Coded.options(ReferralCategory.class));
        model.addAttribute("mayChangeTutorGroup", viewer.inAny(Group.HOY, Group.PASTORAL_LEAD));
        model.addAttribute("waitingForDays", t.isActive() && t.getDaysRecordedAt() == null);
        Map<String, String> defaults = new HashMap<>(form);
        defaults.putIfAbsent("occurredAt", LocalDateTime.ofInstant(transitions.now(), transitions.zone()).truncatedTo(ChronoUnit.MINUTES).toString());
        defaults.putIfAbsent("tutorGroup", t.getTutorGroup() == null ? "" : t.getTutorGroup());
        model.addAttribute("form", defaults);
        model.addAttribute("errors", errors);
        return "transition/show";
    }

    @PostMapping("/transition/{reference}/concerns")
    String raiseConcern(@PathVariable String reference, @RequestParam Map<String, String> params, Viewer viewer,
                        RedirectAttributes flash, Model model, HttpServletResponse response) {
        Transition t = transitions.readable(reference, viewer);
        try {
            TransitionConcern c = recording.raiseConcern(t, form(params), viewer);
            flash.addFlashAttribute("message", "Concern recorded as referral " + c.getReferralReference() + ".");
            return "redirect:/transition/" + reference;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(t, viewer, model, e.data().values(), e.errors());
        }
    }

    @PostMapping("/transition/{reference}/tutor-group")
    String tutorGroup(@PathVariable String reference, @RequestParam Map<String, String> params, Viewer viewer,
                      RedirectAttributes flash, Model model, HttpServletResponse response) {
        Transition t = transitions.readable(reference, viewer);
        try {
            recording.setTutorGroup(t, form(params), viewer);
            flash.addFlashAttribute("message", t.displayName() + " is in tutor group "
                    + transitions.byReference(reference).getTutorGroup() + ".");
            return "redirect:/transition/" + reference;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return page(t, viewer, model, e.data().values(), e.errors());
        }
    }

    /** Transition-day attendance for this one student (late, say, or marked apart from the register). */
    @PostMapping("/transition/{reference}/days")
    String days(@PathVariable String reference, @RequestParam MultiValueMap<String, String> params, Viewer viewer,
                RedirectAttributes flash, Model model, HttpServletResponse response) {
        Transition t = transitions.readable(reference, viewer);
        TransitionCohort cohort = transitions.cohort(t.getEntryYear()).orElseThrow();
        FormData data = new FormData(flatten(params));
        String notes = data.text("notes", "Notes", 5000, false);
        try {
            data.throwIfInvalid();
            recording.recordTransitionDays(t, missed(cohort, params.get("attended")), notes, viewer);
            flash.addFlashAttribute("message", "Transition-day attendance recorded for " + t.displayName() + ".");
            return "redirect:/transition/" + reference;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>(e.errors());
            if (errors.containsKey("days-" + t.getId())) {
                errors.put("attended", errors.remove("days-" + t.getId()));
            }
            return page(t, viewer, model, data.values(), errors);
        }
    }

    @GetMapping("/transition/{reference}/booklet.pdf")
    ResponseEntity<byte[]> booklet(@PathVariable String reference, Viewer viewer) {
        Transition t = transitions.readable(reference, viewer);
        Map<String, Object> vars = new HashMap<>();
        vars.put("transition", t);
        vars.put("school", transitions.schoolOf(t));
        vars.put("cohort", transitions.cohort(t.getEntryYear()).orElse(null));
        // for tutors: never the CP file or the CP plan, whoever prints it; pastoral notes only
        vars.put("pathwayLabel", t.pathwayLabel(false));
        vars.put("needs", t.vulnerabilities(false));
        vars.put("milestones", transitions.milestonesOf(t, false));
        vars.put("notes", transitions.pastoralNotesOf(t));
        vars.put("fmt", fmt);
        vars.put("printedBy", viewer.displayName());
        vars.put("printedAt", transitions.now());
        byte[] pdf = pdfs.render("transition/booklet", vars);
        transitions.audited(viewer, "PRINT", "transition", t.getId(), t.getStudentId(), "Transition booklet " + t.getReference());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("transition-booklet-" + t.getReference() + ".pdf").build().toString())
                .body(pdf);
    }

    // ---------------------------------------------------------------- the register

    @GetMapping("/transition/register")
    String register(@RequestParam(name = "year", required = false) Integer asked, @RequestParam(defaultValue = EVENT_DAYS) String event,
                    @RequestParam(required = false) String school, @RequestParam(required = false) String tutor,
                    Viewer viewer, Model model) {
        int year = cohortYear(asked);
        TransitionCohort cohort = transitions.cohort(year).orElseThrow();
        boolean rightStart = EVENT_RIGHT_START.equals(event);
        List<Transition> waiting = rightStart ? register.waitingForRightStart(year) : register.waitingForTransitionDays(year);
        Map<Long, FeederSchool> schools = transitions.schoolsById(waiting.stream().map(Transition::getFeederSchoolId)
                .collect(java.util.stream.Collectors.toSet()));
        List<Transition> shown = waiting.stream()
                .filter(t -> school == null || school.isBlank() || schools.get(t.getFeederSchoolId()).getUrn().equals(school))
                .filter(t -> tutor == null || tutor.isBlank() || tutor.equals(t.getTutorGroup())).toList();
        model.addAttribute("cohort", cohort);
        model.addAttribute("event", rightStart ? EVENT_RIGHT_START : EVENT_DAYS);
        model.addAttribute("students", shown);
        model.addAttribute("schools", schools);
        model.addAttribute("allSchools", schools.values().stream().sorted(java.util.Comparator.comparing(FeederSchool::getName)).toList());
        model.addAttribute("school", school);
        model.addAttribute("tutor", tutor);
        model.addAttribute("tookPart", TransitionForms.TOOK_PART);
        model.addAttribute("mayRecordRightStart", viewer.inAny(Group.HOY, Group.PSO, Group.PASTORAL_LEAD));
        return "transition/register";
    }

    @PostMapping("/transition/register")
    String recordRegister(@RequestParam int year, @RequestParam String event, @RequestParam MultiValueMap<String, String> params,
                          Viewer viewer, RedirectAttributes flash, Model model, HttpServletResponse response) {
        TransitionCohort cohort = transitions.cohort(year).orElseThrow(() -> new NotFoundException("No such cohort"));
        List<Long> ids = params.getOrDefault("student", List.of()).stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
        try {
            if (ids.isEmpty()) {
                throw InvalidFormException.of("register", "There was nobody on the register to record.");
            }
            int n;
            if (EVENT_RIGHT_START.equals(event)) {
                if (!viewer.inAny(Group.HOY, Group.PSO, Group.PASTORAL_LEAD)) {
                    throw InvalidFormException.of("register", "Right Start is recorded by a Head of Year, a PSO or the Pastoral Lead.");
                }
                Map<Long, String> tookPart = new LinkedHashMap<>();
                for (Long id : ids) {
                    String v = params.getFirst("tookPart-" + id);
                    if (v == null || !TransitionForms.TOOK_PART.containsKey(v)) {
                        throw InvalidFormException.of("register", "Choose for every student whether they took part.");
                    }
                    tookPart.put(id, v);
                }
                n = register.recordRightStart(tookPart, viewer);
            } else {
                Map<Long, List<String>> missed = new LinkedHashMap<>();
                for (Long id : ids) {
                    missed.put(id, missed(cohort, params.get("attended-" + id)));
                }
                n = register.recordTransitionDays(year, missed, viewer);
            }
            flash.addFlashAttribute("message", (EVENT_RIGHT_START.equals(event) ? "Right Start" : "Transition-day attendance")
                    + " recorded for " + n + " students.");
            return "redirect:/transition/register?year=" + year + "&event=" + (EVENT_RIGHT_START.equals(event) ? EVENT_RIGHT_START : EVENT_DAYS);
        } catch (InvalidFormException | TaskUnavailableException e) {
            response.setStatus(422);
            String page = register(year, event, params.getFirst("school"), params.getFirst("tutor"), viewer, model);
            model.addAttribute("errors", Map.of("register", e instanceof InvalidFormException ie
                    ? ie.errors().values().iterator().next() : e.getMessage()));
            return page;
        }
    }

    /** The cohort asked for, or the one the board opens on; 404 when there is none. */
    private int cohortYear(Integer asked) {
        Integer year = asked != null ? asked : transitions.defaultEntryYear().orElse(null);
        if (year == null || transitions.cohort(year).isEmpty()) {
            throw new NotFoundException("No such cohort");
        }
        return year;
    }

    /** The transition days not ticked as attended, by name ("Wed 7 Jul"). */
    private List<String> missed(TransitionCohort cohort, List<String> attended) {
        List<String> missed = new ArrayList<>();
        List<String> ticked = attended == null ? List.of() : attended;
        if (!ticked.contains("1")) {
            missed.add(fmt.day(cohort.getTransitionDayFirst()));
        }
        if (cohort.isTwoDays() && !ticked.contains("2")) {
            missed.add(fmt.day(cohort.getTransitionDayLast()));
        }
        return missed;
    }

    private static FormData form(Map<String, String> params) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        return new FormData(values);
    }

    private static Map<String, String> flatten(MultiValueMap<String, String> params) {
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("_csrf")) {
                values.put(k, String.join(",", v));
            }
        });
        return values;
    }
}
