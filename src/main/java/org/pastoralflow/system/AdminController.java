package org.pastoralflow.system;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.notification.NotificationRepository;
import org.pastoralflow.workflow.TermDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's page: imports, term dates, the outbox and the audit trail. No case content. */
@Controller
class AdminController {

    private final NotificationRepository notifications;
    private final AuditLog audit;
    private final TermDates termDates;
    private final boolean webapps;

    AdminController(NotificationRepository notifications, AuditLog audit, TermDates termDates,
                    @Value("${pastoral.camunda-webapps.enabled:true}") boolean webapps) {
        this.notifications = notifications;
        this.audit = audit;
        this.termDates = termDates;
        this.webapps = webapps;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("notifications", notifications.findTop100ByToFamilyFalseOrderByCreatedAtDesc());
        // the administrator runs the system and reads no case content: the outbox without what e-mails say,
        // the audit trail of administration only
        model.addAttribute("audit", audit.latestAdministration());
        model.addAttribute("calendar", termDates.calendar());
        model.addAttribute("webapps", webapps);
        return "system/admin";
    }
}
