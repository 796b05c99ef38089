package org.pastoralflow.suspension;

import org.pastoralflow.security.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Suspensions: the open ones, one suspension's page, and the parent notice as PDF. */
@Controller
class SuspensionController {

    private final Suspensions suspensions;
    private final SuspensionNotice notice;

    SuspensionController(Suspensions suspensions, SuspensionNotice notice) {
        this.suspensions = suspensions;
        this.notice = notice;
    }

    @GetMapping("/suspensions")
    String list(Viewer viewer, Model model) {
        model.addAttribute("open", suspensions.open(viewer));
        model.addAttribute("students", suspensions.namesOf(suspensions.open(viewer)));
        return "suspension/list";
    }

    @GetMapping("/suspensions/{reference}")
    String show(@PathVariable String reference, Viewer viewer, Model model) {
        Suspension s = suspensions.readable(reference, viewer);
        model.addAttribute("suspension", s);
        model.addAttribute("student", suspensions.studentOf(s));
        model.addAttribute("openTasks", suspensions.openTasks(s, viewer));
        model.addAttribute("history", suspensions.history(s, viewer, "suspension page"));
        return "suspension/show";
    }

    @GetMapping("/suspensions/{reference}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable String reference, Viewer viewer) {
        Suspension s = suspensions.readable(reference, viewer);
        byte[] pdf = notice.render(s, viewer);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("suspension-notice-" + s.getReference() + ".pdf").build().toString())
                .body(pdf);
    }
}
