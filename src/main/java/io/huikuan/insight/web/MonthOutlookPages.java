package io.huikuan.insight.web;

import io.huikuan.insight.MonthOutlooks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The collector's month outlook: a figure the worklist's progress card loads with htmx ({@code /insight/month-outlook}).
 */
@Controller
class MonthOutlookPages {

    private final MonthOutlooks outlooks;

    MonthOutlookPages(MonthOutlooks outlooks) {
        this.outlooks = outlooks;
    }

    @GetMapping("/insight/month-outlook")
    String kpi(Model model) {
        model.addAttribute("o", outlooks.mine(null));
        return "insight/month-outlook :: kpi";
    }
}
