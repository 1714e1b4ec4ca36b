package io.huikuan.negotiation.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.negotiation.AuthorityMatrix;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /negotiation/authority: the authority matrix; a manager edits the limits, everyone else reads them. */
@Controller
class AuthorityPages {

    private final AuthorityMatrix matrix;
    private final MessageSource messages;

    AuthorityPages(AuthorityMatrix matrix, MessageSource messages) {
        this.matrix = matrix;
        this.messages = messages;
    }

    @GetMapping("/negotiation/authority")
    String page(Model model) {
        return page(new HashMap<>(), FormErrors.none(), model);
    }

    @PostMapping("/negotiation/authority")
    String save(@RequestParam(required = false) String collectorLimit, @RequestParam(required = false) String managerLimit, Model model,
            Locale locale, RedirectAttributes redirect) {
        CurrentUser.require("change the authority matrix", Role.MANAGER);
        FormErrors errors = new FormErrors(messages, locale);
        BigDecimal collector = errors.amount("collectorLimit", collectorLimit, true);
        BigDecimal manager = errors.amount("managerLimit", managerLimit, true);
        if (!errors.any()) {
            try {
                matrix.update(collector, manager);
                redirect.addFlashAttribute("flash", messages.getMessage("authority.saved", null, locale));
                return "redirect:/negotiation/authority";
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("collectorLimit", collectorLimit);
        values.put("managerLimit", managerLimit);
        return page(values, errors, model);
    }

    private String page(Map<String, String> values, FormErrors errors, Model model) {
        CurrentUser.require("see the authority matrix", Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.LEGAL);
        model.addAttribute("limits", matrix.limits());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("mayEdit", CurrentUser.get().isManager());
        return "negotiation/authority";
    }
}
