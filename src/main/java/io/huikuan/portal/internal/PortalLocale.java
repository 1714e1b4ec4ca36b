package io.huikuan.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/** The portal's language: {@code ?lang=en} or {@code ?lang=zh-CN} when given, else the application's choice (Chinese by default). */
final class PortalLocale {

    private PortalLocale() {
    }

    static Locale of(HttpServletRequest request, LocaleResolver resolver) {
        String lang = request.getParameter("lang");
        if (lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        if (lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return resolver.resolveLocale(request);
    }
}
