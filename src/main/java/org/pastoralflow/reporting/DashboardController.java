package org.pastoralflow.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard page with its filters, and each of its tables as CSV. */
@Controller
class DashboardController {

    private final Dashboards dashboards;
    private final Filters filters;

    DashboardController(Dashboards dashboards, Filters filters) {
        this.dashboards = dashboards;
        this.filters = filters;
    }

    @GetMapping("/dashboards")
    String page(@RequestParam Map<String, String> params, Viewer viewer, Model model) {
        DashboardFilter filter = filters.read(params);
        model.addAttribute("tables", dashboards.tables(filter, viewer));
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.parameters());
        model.addAttribute("terms", filters.terms());
        model.addAttribute("years", Filters.YEAR_GROUPS);
        model.addAttribute("groups", filters.tutorGroups(filter.yearGroup()));
        return "reporting/dashboards";
    }

    @GetMapping("/dashboards/{name}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String name, @RequestParam Map<String, String> params, Viewer viewer) {
        DashboardFilter filter = filters.read(params);
        Table table = dashboards.table(name, filter, viewer);
        String file = name + (filter.termChosen() ? "-" + filter.periodName() : "") + (filter.yearGroup() == null ? "" : "-year-" + filter.yearGroup());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.toLowerCase().replaceAll("[^a-z0-9-]+", "-") + ".csv").build().toString())
                .body(table.csv());
    }
}
