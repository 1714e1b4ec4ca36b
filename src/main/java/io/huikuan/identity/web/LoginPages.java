package io.huikuan.identity.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form; Spring Security handles the POST to /login and the logout. The page says why the
 * last attempt failed: a wrong password, too many failures ({@code ?locked=<minutes>}), a busy server
 * ({@code ?busy}), or a session that ended ({@code ?expired}).
 */
@Controller
class LoginPages {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String locked, Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (locked != null) {
            model.addAttribute("lockedMinutes", locked.matches("\\d{1,4}") ? Integer.parseInt(locked) : 5);
        }
        return "login";
    }
}
