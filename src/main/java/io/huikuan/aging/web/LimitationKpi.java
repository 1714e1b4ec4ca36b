package io.huikuan.aging.web;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.LimitationClock;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's limitation KPI (issue 14): the open amount whose limitation period (诉讼时效) ends within the
 * warning window (default 180 days), per currency, for managers, legal and finance, in the user's scope; loaded into
 * the dashboard with htmx so the dashboard's own figures stay as fast as they were. Links to the limitation report
 * filtered to EXPIRING.
 */
@Controller
class LimitationKpi {

    private final LimitationClock limitation;
    private final Clock clock;

    LimitationKpi(LimitationClock limitation, Clock clock) {
        this.limitation = limitation;
        this.clock = clock;
    }

    /** Whether the user sees the KPI. */
    static boolean sees(CurrentUser u) {
        return u.has(Role.MANAGER) || u.has(Role.LEGAL) || u.has(Role.FINANCE) || u.has(Role.ADMIN);
    }

    @GetMapping("/dashboard/limitation")
    String kpi(Model model) {
        if (!sees(CurrentUser.get())) {
            throw new AccessDeniedException("the limitation KPI is for managers, legal and finance");
        }
        LocalDate today = LocalDate.now(clock);
        int days = limitation.settings().expiringDays();
        model.addAttribute("limitationDays", days);
        java.util.List<LimitationClock.CurrencyTotal> totals = limitation.expiringWithin(today, days);
        model.addAttribute("limitationTotals", totals);
        model.addAttribute("limitationInvoices", totals.stream().mapToLong(LimitationClock.CurrencyTotal::invoices).sum());
        model.addAttribute("limitationHref", "/legal/limitation?status=EXPIRING");
        return "aging/dashboard-limitation :: kpi";
    }
}
