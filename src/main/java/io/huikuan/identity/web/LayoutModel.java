package io.huikuan.identity.web;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds what the layout shows on every HTML page: the signed-in user and roles ({@code me}), what
 * the user may do ({@code can}, to hide forms the services would refuse anyway), the current path
 * and the language-switch links. Only views get it, never JSON answers.
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer {

    /** The signed-in user as the layout shows it. */
    record Me(String username, String displayName, List<Role> roles) {
    }

    /**
     * What the signed-in user may do (mirrors the services' role checks): the layout shows a menu entry,
     * and a page an action, only when the user may use it. {@code manage}: strategies, segments, runs,
     * templates, approvals and the company profile; {@code seeProvisions}, {@code seeOutbox}, {@code seeLpr} (the LPR table): those pages; {@code loadHolidays}: the holiday calendar (administrators); {@code negotiate}: payment plans, concessions and the authority matrix (collectors, managers, finance).
     */
    record Can(boolean editCustomers, boolean editContacts, boolean createInvoices, boolean classify, boolean creditNotes,
            boolean writeOff, boolean postPayments, boolean importData, boolean seeUsers, boolean manage, boolean seeProvisions,
            boolean seeOutbox, boolean seeLpr, boolean legalCases, boolean openLegalCases, boolean loadHolidays, boolean negotiate) {

        static final Can NOTHING = new Can(false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
                false);

        static Can of(CurrentUser u) {
            boolean admin = u.has(Role.ADMIN);
            boolean manager = admin || u.has(Role.MANAGER);
            boolean finance = u.has(Role.FINANCE);
            boolean collector = u.has(Role.COLLECTOR);
            boolean legal = u.has(Role.LEGAL);
            return new Can(manager || finance || collector, manager || finance || collector || legal, manager || finance,
                    manager || finance || collector || legal, manager || finance, manager, manager || finance, manager || finance || collector, manager,
                    manager, manager || finance || legal, manager || finance, manager || finance || legal, manager || finance || legal, manager || legal, admin,
                    manager || finance || collector);
        }
    }

    private final UserDirectory users;

    LayoutModel(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
                if (mav != null && (mav.getViewName() == null || !mav.getViewName().startsWith("redirect:"))) {
                    addLayout(request, mav);
                }
            }
        });
    }

    private void addLayout(HttpServletRequest request, ModelAndView mav) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            CurrentUser user = CurrentUser.get();
            String display = displayName(request, user.username());
            mav.addObject("me", new Me(user.username(), display, user.roles().stream().sorted().toList()));
            mav.addObject("can", Can.of(user));
        } else {
            mav.addObject("can", Can.NOTHING);
        }
        boolean error = request.getDispatcherType() == DispatcherType.ERROR;
        String path = error ? String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)) : request.getRequestURI();
        String context = request.getContextPath();
        mav.addObject("currentPath", path.startsWith(context) ? path.substring(context.length()) : path);
        String query = error ? null : request.getQueryString();
        mav.addObject("langEnUrl", withLang(request.getContextPath(), path, query, "en"));
        mav.addObject("langZhUrl", withLang(request.getContextPath(), path, query, "zh-CN"));
    }

    /**
     * The user's display name, looked up once per session (display names are set when a user is
     * created), not on every page.
     */
    private String displayName(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(false);
        String key = "huikuan.displayName." + username;
        if (session != null && session.getAttribute(key) instanceof String cached) {
            return cached;
        }
        String display = users.find(username).map(UserAccount::displayName).orElse(username);
        if (session != null) {
            session.setAttribute(key, display);
        }
        return display;
    }

    /** The current page with {@code lang} set (other query parameters kept as they came). */
    static String withLang(String context, String path, String query, String lang) {
        try {
            String uri = path.startsWith(context) ? path : context + path;
            UriComponentsBuilder b = UriComponentsBuilder.fromUriString(query == null || query.isEmpty() ? uri : uri + "?" + query);
            return b.replaceQueryParam("lang", lang).build(true).toUriString();
        } catch (IllegalArgumentException e) {
            return "?lang=" + lang;
        }
    }
}
