package io.huikuan.ledger.web;

import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.PortfolioTotals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: totals of the user's portfolio and the customers with the most overdue. */
@Controller
class OverviewPages {

    private final LedgerQueries queries;

    OverviewPages(LedgerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String overview(Model model) {
        LedgerQueries.Overview overview = queries.overview(10);
        PortfolioTotals totals = overview.totals();
        model.addAttribute("totals", totals);
        model.addAttribute("topOverdue", overview.topOverdue());
        model.addAttribute("otherCurrencies", overview.otherCurrencies());
        return "ledger/overview";
    }
}
