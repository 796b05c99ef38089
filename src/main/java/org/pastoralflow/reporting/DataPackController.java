package org.pastoralflow.reporting;

import java.nio.charset.StandardCharsets;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.SchoolTerm;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The termly data pack: choose the term, year group and edition; download the PDF or the CSV. */
@Controller
class DataPackController {

    private final DataPack dataPack;
    private final Filters filters;

    DataPackController(DataPack dataPack, Filters filters) {
        this.dataPack = dataPack;
        this.filters = filters;
    }

    @GetMapping("/reports/data-pack")
    String form(Model model) {
        model.addAttribute("terms", filters.terms());
        model.addAttribute("current", filters.currentTerm().map(SchoolTerm::getId).orElse(null));
        model.addAttribute("years", Filters.YEAR_GROUPS);
        return "reporting/data-pack-form";
    }

    @GetMapping("/reports/data-pack.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) Long term, @RequestParam(required = false) Integer year,
                               @RequestParam(defaultValue = "governors") String edition, Viewer viewer) {
        DataPack.Pack pack = pack(term, year, edition, viewer);
        return download(dataPack.pdf(pack, viewer), MediaType.APPLICATION_PDF, name(pack) + ".pdf");
    }

    @GetMapping("/reports/data-pack.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Long term, @RequestParam(required = false) Integer year,
                               @RequestParam(defaultValue = "governors") String edition, Viewer viewer) {
        DataPack.Pack pack = pack(term, year, edition, viewer);
        return download(dataPack.csv(pack, viewer), new MediaType("text", "csv", StandardCharsets.UTF_8),
                name(pack) + ".csv");
    }

    private DataPack.Pack pack(Long termId, Integer year, String edition, Viewer viewer) {
        if (termId == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Term: choose the term");
        }
        SchoolTerm term = filters.term(termId).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Term: no such term"));
        if (year != null && !Filters.YEAR_GROUPS.contains(year)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Year group: no such year group");
        }
        DataPack.Edition chosen = switch (edition) {
            case "governors" -> DataPack.Edition.GOVERNORS;
            case "leaders" -> DataPack.Edition.LEADERS;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Edition: governors or leaders");
        };
        return dataPack.build(term, year, chosen, viewer);
    }

    private static String name(DataPack.Pack pack) {
        return ("data-pack-" + pack.filter().periodName() + "-" + (pack.filter().yearGroup() == null ? "all-years" : "year-" + pack.filter().yearGroup())
                + "-" + pack.edition().name()).toLowerCase().replaceAll("[^a-z0-9-]+", "-");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String file) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }
}
