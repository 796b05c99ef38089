package org.pastoralflow.reporting;

import java.nio.charset.StandardCharsets;

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

/** The dashboard page, and each of its tables as CSV. */
@Controller
class DashboardController {

    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/dashboards")
    String page(@RequestParam(required = false) Integer year, Viewer viewer, Model model) {
        model.addAttribute("tables", dashboards.names().stream().map(n -> dashboards.table(n, viewer, year)).toList());
        model.addAttribute("year", year);
        model.addAttribute("years", java.util.List.of(7, 8, 9, 10, 11));
        return "reporting/dashboards";
    }

    @GetMapping("/dashboards/{name}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String name, @RequestParam(required = false) Integer year, Viewer viewer) {
        Table table = dashboards.table(name, viewer, year);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + (year == null ? "" : "-year-" + year) + ".csv").build().toString())
                .body(table.csv().getBytes(StandardCharsets.UTF_8));
    }
}
