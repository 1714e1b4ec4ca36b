package io.huikuan.portal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.CompanyProfiles;
import io.huikuan.portal.BalanceConfirmations;
import io.huikuan.portal.BalanceStatement;
import io.huikuan.portal.PortalVisitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The debtor's balance confirmation (对账确认): the statement as of today with AGREE / DISAGREE, name, title, the
 * acknowledged amount, the differences (in words and per invoice) and a typed signature. Posting it stores the answer
 * with the exact statement shown (its hash travels in a hidden field and must still match today's statement).
 */
@Controller
class PortalConfirmationPages {

    private static final String DISPUTED = "disputed_";

    private final BalanceConfirmations confirmations;
    private final CompanyProfiles companies;
    private final MessageSource messages;

    PortalConfirmationPages(BalanceConfirmations confirmations, CompanyProfiles companies, MessageSource messages) {
        this.confirmations = confirmations;
        this.companies = companies;
        this.messages = messages;
    }

    @GetMapping("/portal/{token}/confirmation")
    String form(PortalVisitor visitor, @PathVariable String token, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done != null);
        return show(visitor, token, Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/portal/{token}/confirmation")
    String confirm(PortalVisitor visitor, @PathVariable String token, @RequestParam Map<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        Map<String, String> disputed = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(DISPUTED)) {
                disputed.put(k.substring(DISPUTED.length()), v);
            }
        });
        try {
            confirmations.confirm(visitor, new BalanceConfirmations.Answer(form.get("answer"), form.get("name"), form.get("title"),
                    form.get("acknowledgedAmount"), form.get("differences"), form.get("signature"), form.get("statementSha256"), disputed,
                    form.get("signatureImage")),
                    new BalanceConfirmations.Origin(request.getRemoteAddr(), request.getHeader("User-Agent")));
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale);
            for (ValidationException.FieldError f : e.errors()) {
                String field = f.field().startsWith("disputed[") ? DISPUTED + f.field().substring(9, f.field().length() - 1) : f.field();
                errors.add(field, errors.text(f));
            }
            boolean stale = errors.has("statementSha256");
            response.setStatus(stale ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("done", false);
            return show(visitor, token, form, errors, model);
        }
        return "redirect:/portal/" + token + "/confirmation?done=1";
    }

    private String show(PortalVisitor visitor, String token, Map<String, String> form, FormErrors errors, Model model) {
        BalanceStatement s = confirmations.statement(visitor);
        model.addAttribute("token", token);
        model.addAttribute("company", companies.current());
        model.addAttribute("statement", s);
        model.addAttribute("sha256", s.sha256());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("latest", confirmations.latest(visitor.customerId()).orElse(null));
        return "portal/confirmation";
    }
}
