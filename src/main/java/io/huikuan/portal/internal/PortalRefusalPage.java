package io.huikuan.portal.internal;

import io.huikuan.correspondence.CompanyProfiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The page of a refused portal request, written by the portal's filter (no controller is reached): 404 "this link is
 * not valid (expired, revoked or mistyped); ask your contact at our company for a new one" with our phone and e-mail,
 * or 429 "too many requests, try again in a minute". Chinese by default, English with {@code ?lang=en}, the company
 * letterhead on top.
 */
@Component
class PortalRefusalPage {

    static final int TOO_MANY_REQUESTS = 429;

    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final CompanyProfiles profiles;

    PortalRefusalPage(ITemplateEngine templates, LocaleResolver locales, CompanyProfiles profiles) {
        this.templates = templates;
        this.locales = locales;
        this.profiles = profiles;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        Locale locale = PortalLocale.of(request, locales);
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale);
        context.setVariable("company", profiles.current());
        context.setVariable("busy", status == PortalRefusalPage.TOO_MANY_REQUESTS);
        context.setVariable("lang", locale.getLanguage());
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templates.process("portal/refused", context, response.getWriter());
        response.flushBuffer();
    }
}
