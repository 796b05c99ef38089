package org.pastoralflow.system;

import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.signin.SignInSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final SignInSettings signIn;

    HomeController(SignInSettings signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", Math.max(1, signIn.account().lockFor().toMinutes()));
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
