package io.huikuan.insight.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.insight.BacktestReport;
import io.huikuan.insight.PredictionBacktest;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The backtest page (managers): run the payment prediction's backtest over a period and see AUC and pay-date error beside the baselines. */
@Controller
class BacktestPages {

    private final PredictionBacktest backtest;
    private final MessageSource messages;
    private final Clock clock;

    BacktestPages(PredictionBacktest backtest, MessageSource messages, Clock clock) {
        this.backtest = backtest;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/insight/backtest")
    String page(Model model) {
        CurrentUser.require("see the prediction backtest", Role.MANAGER);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        BacktestReport report = backtest.last();
        model.addAttribute("from", report == null ? last.minusMonths(5).toString() : report.from().toString());
        model.addAttribute("to", report == null ? last.toString() : report.to().toString());
        model.addAttribute("report", report);
        return "insight/backtest";
    }

    @PostMapping("/insight/backtest")
    String run(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model, Locale locale) {
        CurrentUser.require("run the prediction backtest", Role.MANAGER);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("report", backtest.run(from, to));
            model.addAttribute("flash", messages.getMessage("insight.backtest.done", null, locale));
        } catch (ValidationException e) {
            model.addAttribute("report", null);
            model.addAttribute("flashError", new FormErrors(messages, locale).summary(e, "insight.backtest.field."));
        }
        return "insight/backtest";
    }
}
