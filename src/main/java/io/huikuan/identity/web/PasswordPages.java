package io.huikuan.identity.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.LoginSessions;
import io.huikuan.identity.PasswordPolicy;
import io.huikuan.identity.UserPasswords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user changes their own password (also the page a reset password leads to). */
@Controller
class PasswordPages {

    private final UserPasswords passwords;
    private final LoginSessions sessions;
    private final MessageSource messages;

    PasswordPages(UserPasswords passwords, LoginSessions sessions, MessageSource messages) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        return show(model, FormErrors.none());
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword, Model model, Locale locale, RedirectAttributes flash,
            HttpServletRequest request, HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages, locale);
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            errors.addCode("confirmPassword", "password.error.confirm");
            return show(model, errors);
        }
        try {
            passwords.changeOwn(currentPassword, newPassword, request.getRemoteAddr());
        } catch (ValidationException e) {
            return show(model, errors.addAll(e));
        }
        sessions.renew(request, response);
        flash.addFlashAttribute("flash", messages.getMessage("password.changed", null, locale));
        return "redirect:/account";
    }

    private String show(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("required", passwords.changeRequired(CurrentUser.get().username()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/password";
    }
}
