package org.pastoralflow.system;

import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "system/login";
    }

    /** Staff who only raise concerns land on their concerns; everyone else on their inbox. */
    @GetMapping("/")
    String home(Viewer viewer) {
        if (viewer.isCaseworker()) {
            return "redirect:/inbox";
        }
        return viewer.in(Group.ADMIN) ? "redirect:/admin" : "redirect:/referrals/mine";
    }
}
