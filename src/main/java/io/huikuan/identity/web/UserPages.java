package io.huikuan.identity.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.ApiTokens;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.LoginFailures;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.identity.UserPasswords;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration (managers see, administrators change) and each user's own API tokens. */
@Controller
class UserPages {

    record UserForm(String username, String displayName, String password, List<String> roles) {
    }

    private final UserDirectory users;
    private final ApiTokens tokens;
    private final MessageSource messages;
    private final UserPasswords passwords;
    private final LoginFailures failures;

    UserPages(UserDirectory users, ApiTokens tokens, MessageSource messages, UserPasswords passwords, LoginFailures failures) {
        this.users = users;
        this.tokens = tokens;
        this.messages = messages;
        this.passwords = passwords;
        this.failures = failures;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        CurrentUser.require("see users", Role.MANAGER);
        return show(model, new UserForm(null, null, null, List.of()), FormErrors.none());
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute UserForm form, Model model, Locale locale, RedirectAttributes flash) {
        CurrentUser.require("create users", Role.ADMIN);
        FormErrors errors = new FormErrors(messages, locale);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : form.roles() == null ? List.<String>of() : form.roles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                errors.addCode("roles", "users.error.role");
            }
        }
        if (!errors.any()) {
            try {
                users.create(form.username(), form.password(), form.displayName(), roles);
                flash.addFlashAttribute("flash", messages.getMessage("users.created", new Object[] {form.username()}, locale));
                return "redirect:/admin/users";
            } catch (ValidationException e) {
                errors.addAll(e, null);
            } catch (ConflictException e) {
                errors.addCode("username", "users.error.exists");
            }
        }
        return show(model, new UserForm(form.username(), form.displayName(), null, form.roles()), errors);
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, Locale locale, RedirectAttributes flash) {
        try {
            users.setEnabled(username, enabled);
            flash.addFlashAttribute("flash", messages.getMessage(enabled ? "users.enabledMsg" : "users.disabledMsg",
                    new Object[] {username}, locale));
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", messages.getMessage("users.error.self", null, locale));
        }
        return "redirect:/admin/users";
    }

    /** An administrator gives a user exactly these roles; the user's sessions end. */
    @PostMapping("/admin/users/{username}/roles")
    String roles(@PathVariable String username, @RequestParam(required = false) List<String> roles, Locale locale, RedirectAttributes flash) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        try {
            for (String r : roles == null ? List.<String>of() : roles) {
                set.add(Role.valueOf(r));
            }
            users.setRoles(username, set);
            flash.addFlashAttribute("flash", messages.getMessage("users.rolesMsg", new Object[] {username}, locale));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("flashError", username + ": " + messages.getMessage("users.error.role", null, locale));
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale).addAll(e);
            flash.addFlashAttribute("flashError", username + ": " + e.errors().stream().map(errors::text).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return "redirect:/admin/users";
    }

    /**
     * An administrator gives a user a new password, which the user must change at the next login: the
     * one typed, or (left blank) a generated temporary password shown once in the confirmation.
     */
    @PostMapping("/admin/users/{username}/password")
    String reset(@PathVariable String username, @RequestParam(required = false) String password, Locale locale, RedirectAttributes flash) {
        try {
            boolean generated = password == null || password.isBlank();
            String chosen = generated ? TemporaryPasswords.next() : password;
            passwords.reset(username, chosen);
            flash.addFlashAttribute("flash", messages.getMessage("users.resetMsg", new Object[] {username}, locale));
            if (generated) {
                flash.addFlashAttribute("temporaryPassword", chosen);
                flash.addFlashAttribute("temporaryFor", username);
            }
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale).addAll(e);
            flash.addFlashAttribute("flashError", username + ": " + e.errors().stream().map(errors::text).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return "redirect:/admin/users";
    }

    /**
     * Changes a user's name, team and signatory (administrators); a manager may change only the team
     * (the form shows them only that field). Errors name the field in the user's language.
     */
    @PostMapping("/admin/users/{username}/profile")
    String profile(@PathVariable String username, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String team, @RequestParam(required = false) String signatoryName,
            @RequestParam(required = false) String signatoryTitle, Locale locale, RedirectAttributes flash) {
        CurrentUser.require("change users' details", Role.MANAGER);
        try {
            if (CurrentUser.get().has(Role.ADMIN)) {
                users.updateProfile(username, new UserDirectory.Profile(displayName, team == null ? "" : team, signatoryName == null ? "" : signatoryName,
                        signatoryTitle == null ? "" : signatoryTitle));
            } else {
                if (!users.exists(username)) {
                    throw new io.huikuan.common.NotFoundException("user", username);
                }
                users.setTeam(username, team);
            }
            flash.addFlashAttribute("flash", messages.getMessage("users.profileSaved", new Object[] {username}, locale));
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale).addAll(e);
            flash.addFlashAttribute("flashError", username + ": " + e.errors().stream()
                    .map(f -> messages.getMessage("users.field." + f.field(), null, f.field(), locale) + " " + errors.text(f))
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return "redirect:/admin/users";
    }

    private String show(Model model, UserForm form, FormErrors errors) {
        model.addAttribute("users", users.all());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChange", CurrentUser.get().has(Role.ADMIN));
        model.addAttribute("maySetTeams", CurrentUser.get().isManager());
        model.addAttribute("loginFailures", CurrentUser.get().has(Role.ADMIN) ? failures.recent(null, null, 50) : List.of());
        return "identity/users";
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("tokens", tokens.list(CurrentUser.get().username()));
        return "identity/account";
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam(required = false) String name, RedirectAttributes flash) {
        flash.addFlashAttribute("newToken", tokens.issue(CurrentUser.get().username(), name));
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Locale locale, RedirectAttributes flash) {
        tokens.revoke(CurrentUser.get().username(), id);
        flash.addFlashAttribute("flash", messages.getMessage("account.tokenRevoked", null, locale));
        return "redirect:/account";
    }
}
