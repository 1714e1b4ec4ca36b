package io.huikuan.portal.web;

import io.huikuan.correspondence.CompanyProfiles;
import io.huikuan.portal.PortalVisitor;
import io.huikuan.portal.internal.PortalVerifications;
import io.huikuan.portal.internal.PortalVerifications.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The e-mail code form of links made with {@code verifyEmail}: "send me a code" to the contact's e-mail, then the
 * 6-digit code; the right code opens the portal for this browser session. A wrong, expired or locked code is said so
 * (400) with the form again.
 */
@Controller
class PortalVerificationPages {

    private final PortalVerifications verifications;
    private final CompanyProfiles companies;

    PortalVerificationPages(PortalVerifications verifications, CompanyProfiles companies) {
        this.verifications = verifications;
        this.companies = companies;
    }

    @GetMapping("/portal/{token}/verify")
    String form(PortalVisitor visitor, @PathVariable String token, @RequestParam(required = false) String sent, HttpSession session, Model model) {
        if (!verifications.required(visitor.linkId()) || PortalVerifications.verified(session, visitor.linkId())) {
            return "redirect:/portal/" + token;
        }
        return show(visitor, token, sent != null ? "SENT" : null, model);
    }

    @PostMapping("/portal/{token}/verify/send")
    String send(PortalVisitor visitor, @PathVariable String token, HttpSession session, HttpServletResponse response, Model model) {
        Outcome o = verifications.send(visitor, session);
        if (o == Outcome.SENT) {
            return "redirect:/portal/" + token + "/verify?sent=1";
        }
        response.setStatus(o == Outcome.TOO_MANY_CODES ? 429 : HttpServletResponse.SC_BAD_REQUEST);
        return show(visitor, token, o.name(), model);
    }

    @PostMapping("/portal/{token}/verify")
    String check(PortalVisitor visitor, @PathVariable String token, @RequestParam(required = false) String code, HttpSession session,
            HttpServletResponse response, Model model) {
        Outcome o = verifications.check(visitor, session, code);
        if (o == Outcome.VERIFIED) {
            return "redirect:/portal/" + token;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(visitor, token, o.name(), model);
    }

    private String show(PortalVisitor visitor, String token, String outcome, Model model) {
        model.addAttribute("company", companies.current());
        model.addAttribute("token", token);
        model.addAttribute("recipient", verifications.maskedRecipient(visitor).orElse(null));
        model.addAttribute("outcome", outcome);
        return "portal/verify";
    }
}
