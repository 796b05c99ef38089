package org.pastoralflow.attendance;

import java.io.IOException;
import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.ImportReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The weekly attendance import (administrators and the Pastoral Lead). */
@Controller
class AttendanceController {

    private final AttendanceImporter importer;

    AttendanceController(AttendanceImporter importer) {
        this.importer = importer;
    }

    @GetMapping("/attendance/import")
    String form() {
        return "attendance/import";
    }

    @PostMapping("/attendance/import")
    String importCsv(@RequestParam("file") MultipartFile file, Viewer viewer, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("result", new AttendanceImporter.Result(new ImportReport(0, 0, 0,
                    List.of(new ImportReport.Problem(0, "file", "Choose the weekly attendance CSV exported from the MIS."))), 0, 0, 0));
        } else {
            model.addAttribute("result", importer.importCsv(file.getInputStream(), viewer.userId()));
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        return "attendance/import";
    }
}
