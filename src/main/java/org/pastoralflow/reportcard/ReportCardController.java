package org.pastoralflow.reportcard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Report cards: the list, putting a student on report, a card's page, cancelling, and the teachers' scoring page. */
@Controller
class ReportCardController {

    private final ReportCards cards;
    private final ReportCardScoring scoring;
    private final ReportCardReviewRepository reviews;
    private final StudentRepository students;

    ReportCardController(ReportCards cards, ReportCardScoring scoring, ReportCardReviewRepository reviews, StudentRepository students) {
        this.cards = cards;
        this.scoring = scoring;
        this.reviews = reviews;
        this.students = students;
    }

    @GetMapping("/report-cards")
    String list(Viewer viewer, Model model) {
        List<ReportCard> open = cards.open(viewer);
        model.addAttribute("cards", open);
        model.addAttribute("names", cards.studentsOf(open));
        model.addAttribute("settings", cards.settings());
        return "reportcard/list";
    }

    /** {@code ?student=ID} picks the student (the quick behaviour log links here); {@code ?q=} finds one by name. */
    @GetMapping("/report-cards/new")
    String newCard(@RequestParam(required = false) String student, @RequestParam(required = false) String q, Viewer viewer, Model model) {
        Map<String, String> form = new HashMap<>();
        if (student != null) {
            form.put("student", Long.toString(studentId(student)));
        }
        form.put("startsOn", cards.firstDayOffered().toString());
        form.put("schoolDays", Integer.toString(cards.settings().defaultSchoolDays()));
        return form(form, Map.of(), q, viewer, model);
    }

    private static long studentId(String text) {
        if (!text.matches("\\d{1,18}")) {
            throw new NotFoundException("Nothing was found there.");
        }
        return Long.parseLong(text);
    }

    @PostMapping("/report-cards")
    String start(@RequestParam Map<String, String> params, Viewer viewer, Model model, RedirectAttributes flash,
                 HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            ReportCard card = cards.start(new FormData(values), viewer);
            flash.addFlashAttribute("message", "On report: card " + card.getReference() + ". Teachers score it on the scoring page.");
            return "redirect:/report-cards/" + card.getReference();
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return form(e.data().values(), e.errors(), null, viewer, model);
        }
    }

    private String form(Map<String, String> form, Map<String, String> errors, String q, Viewer viewer, Model model) {
        String picked = form.get("student");
        Student student = null;
        if (picked != null && picked.matches("\\d{1,18}")) {
            student = errors.containsKey("student") ? null : cards.studentToPutOnReport(Long.valueOf(picked), viewer);
        }
        model.addAttribute("student", student);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of()
                : cards.studentsToPutOnReport(students.search(q.trim(), PageRequest.of(0, 10)), viewer));
        model.addAttribute("levels", cards.settings().levels());
        model.addAttribute("maxSchoolDays", cards.settings().maxSchoolDays());
        return "reportcard/new";
    }

    @GetMapping("/report-cards/{reference}")
    String show(@PathVariable String reference, Viewer viewer, Model model) {
        ReportCard card = cards.readable(reference, viewer);
        model.addAttribute("card", card);
        model.addAttribute("student", cards.studentOf(card));
        model.addAttribute("levelName", cards.levelName(card.getLevelCode()));
        model.addAttribute("week", cards.weekFigures(card));
        model.addAttribute("all", cards.allFigures(card));
        model.addAttribute("reviews", reviews.findByReportCardIdOrderByReviewedAtAsc(card.getId()));
        model.addAttribute("today", scoring.day(card, cards.today()));
        model.addAttribute("periods", periods());
        model.addAttribute("scoreNames", ReportCardScore.SCORES);
        model.addAttribute("openTasks", cards.openTasks(card, viewer));
        model.addAttribute("history", cards.history(card, viewer, "report card page"));
        model.addAttribute("errors", Map.of());
        return "reportcard/show";
    }

    @PostMapping("/report-cards/{reference}/cancel")
    String cancel(@PathVariable String reference, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                  RedirectAttributes flash, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            cards.cancel(reference, new FormData(values), viewer);
            flash.addFlashAttribute("message", "Report card " + reference + " cancelled.");
            return "redirect:/report-cards/" + reference;
        } catch (InvalidFormException e) {
            response.setStatus(422);
            String page = show(reference, viewer, model);
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", e.data().values());
            return page;
        }
    }

    /** The teachers' page: today's students on report, a form per card with each lesson so far. */
    @GetMapping("/report-cards/today")
    String today(Viewer viewer, Model model) {
        return scoringPage(scoring.today(viewer), Map.of(), null, Map.of(), model);
    }

    @PostMapping("/report-cards/{reference}/scores")
    String score(@PathVariable String reference, @RequestParam Map<String, String> params, Viewer viewer, Model model,
                 RedirectAttributes flash, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>(params);
        values.remove("_csrf");
        try {
            int written = scoring.score(reference, new FormData(values), viewer);
            flash.addFlashAttribute("message", written == 0 ? "Nothing changed." : "Saved " + written + " score" + (written == 1 ? "" : "s") + ".");
            return "redirect:/report-cards/today";
        } catch (InvalidFormException e) {
            response.setStatus(422);
            return scoringPage(scoring.today(viewer), e.errors(), reference, e.data().values(), model);
        }
    }

    private String scoringPage(List<ReportCardScoring.LessonCard> today, Map<String, String> errors, String failed,
                               Map<String, String> form, Model model) {
        model.addAttribute("cards", today);
        model.addAttribute("periods", periods());
        model.addAttribute("scoreNames", ReportCardScore.SCORES);
        model.addAttribute("errors", errors);
        model.addAttribute("failed", failed);
        model.addAttribute("form", form);
        model.addAttribute("day", cards.today());
        return "reportcard/today";
    }

    private List<Map<String, Object>> periods() {
        var starts = cards.settings().periodStarts();
        return IntStream.range(0, starts.size()).mapToObj(i -> Map.<String, Object>of("n", i + 1, "starts", starts.get(i))).toList();
    }

    static LocalDate day(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        LocalDate day = FormData.day(text.trim());
        if (day == null) {
            throw new NotFoundException("Nothing was found there.");
        }
        return day;
    }
}
