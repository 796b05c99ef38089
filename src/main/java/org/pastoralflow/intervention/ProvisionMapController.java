package org.pastoralflow.intervention;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Filters;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.YearGroupScope;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The provision map: a cohort's, with the dashboards' filters, as a page, a CSV and a PDF; and one student's. */
@Controller
class ProvisionMapController {

    private final CohortProvision cohort;
    private final ProvisionMap map;
    private final Filters filters;
    private final PdfRenderer pdf;
    private final AuditLog audit;
    private final StudentRepository students;
    private final YearGroupScope yearGroups;
    private final Clock clock;

    ProvisionMapController(CohortProvision cohort, ProvisionMap map, Filters filters, PdfRenderer pdf, AuditLog audit,
                           StudentRepository students, YearGroupScope yearGroups, Clock clock) {
        this.yearGroups = yearGroups;
        this.cohort = cohort;
        this.map = map;
        this.filters = filters;
        this.pdf = pdf;
        this.audit = audit;
        this.students = students;
        this.clock = clock;
    }

    @GetMapping("/provision-map")
    String page(@RequestParam Map<String, String> params, Viewer viewer, Model model) {
        DashboardFilter filter = filters.read(params);
        CohortProvision.Sheet sheet = cohort.sheet(filter, flag(params, "ehcp"), governors(params), viewer);
        model.addAttribute("sheet", sheet);
        model.addAttribute("filter", filter);
        model.addAttribute("ehcp", flag(params, "ehcp"));
        model.addAttribute("terms", filters.terms());
        model.addAttribute("years", Filters.YEAR_GROUPS);
        model.addAttribute("groups", filters.tutorGroups(filter.yearGroup()));
        model.addAttribute("query", query(filter, params));
        return "intervention/provision-map";
    }

    @GetMapping("/provision-map.csv")
    ResponseEntity<byte[]> csv(@RequestParam Map<String, String> params, Viewer viewer) {
        CohortProvision.Sheet sheet = exported(params, viewer, "CSV");
        return download(sheet.csv(), new MediaType("text", "csv", StandardCharsets.UTF_8), "provision-map.csv");
    }

    @GetMapping("/provision-map.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam Map<String, String> params, Viewer viewer) {
        CohortProvision.Sheet sheet = exported(params, viewer, "PDF");
        Map<String, Object> vars = new HashMap<>();
        vars.put("sheet", sheet);
        vars.put("generatedAt", clock.instant().atZone(clock.getZone()).toLocalDate());
        return download(pdf.render("intervention/provision-map-pdf", vars), MediaType.APPLICATION_PDF, "provision-map.pdf");
    }

    @GetMapping("/provision-map/students/{id}")
    String student(@PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer, Model model) {
        // as the student page: a student outside the viewer's year groups is refused the same way
        yearGroups.checkStudent(id, viewer);
        Student s = students.findById(id).orElseThrow(() -> new NotFoundException("Nothing was found there."));
        DashboardFilter filter = filters.read(Map.of("term", params.getOrDefault("term", "")));
        List<ProvisionMap.Provision> rows = map.student(id, filter, viewer);
        model.addAttribute("student", s);
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("terms", filters.terms());
        model.addAttribute("totalCost", ProvisionMap.pounds(rows.stream().mapToLong(ProvisionMap.Provision::costPence).sum()));
        model.addAttribute("totalHours", String.format(java.util.Locale.UK, "%.1f",
                rows.stream().mapToLong(ProvisionMap.Provision::minutes).sum() / 60.0));
        return "intervention/provision-student";
    }

    private CohortProvision.Sheet exported(Map<String, String> params, Viewer viewer, String format) {
        DashboardFilter filter = filters.read(params);
        CohortProvision.Sheet sheet = cohort.sheet(filter, flag(params, "ehcp"), governors(params), viewer);
        audit.record(viewer.userId(), "EXPORT", "provision-map", null, null,
                format + ", " + (sheet.governors() ? "governors' edition" : "leaders' edition") + ": " + sheet.title());
        return sheet;
    }

    private static String query(DashboardFilter filter, Map<String, String> params) {
        String q = filter.queryString();
        String extra = (flag(params, "ehcp") ? "ehcp=true" : "") + (governors(params) ? "" : (flag(params, "ehcp") ? "&" : "") + "edition=leaders");
        return extra.isEmpty() ? q : q.isEmpty() ? "?" + extra : q + "&" + extra;
    }

    /** The governors' edition unless leaders' is asked for: the safer default for a table that leaves the school. */
    private static boolean governors(Map<String, String> params) {
        return !"leaders".equals(params.get("edition"));
    }

    private static boolean flag(Map<String, String> params, String name) {
        return "true".equals(params.get(name)) || "on".equals(params.get(name));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String file) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }
}
