package io.huikuan.insight.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.insight.CashForecastReport;
import io.huikuan.insight.CashForecasts;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The 13-week cash forecast (回款预测): the page {@code /insight/forecast} (week by week, by source, every currency) and
 * the dashboard's panel ({@code /insight/forecast/panel}, loaded with htmx, drawn by the dashboard's chart script).
 */
@Controller
class CashForecastPages {

    static final int THIRTEEN_WEEKS = 91;

    private final CashForecasts forecasts;
    private final MessageSource messages;

    CashForecastPages(CashForecasts forecasts, MessageSource messages) {
        this.forecasts = forecasts;
        this.messages = messages;
    }

    @GetMapping("/insight/forecast")
    String page(@RequestParam(required = false) String asOf, @RequestParam(required = false) String currency, Model model, Locale locale) {
        model.addAttribute("asOfText", asOf);
        model.addAttribute("currencyText", currency);
        try {
            model.addAttribute("f", forecasts.forecast(InputRules.date("asOf", asOf), THIRTEEN_WEEKS, currency));
        } catch (ValidationException e) {
            model.addAttribute("problem", new FormErrors(messages, locale).summary(e, "insight.field."));
        }
        return "insight/forecast";
    }

    @GetMapping("/insight/forecast/panel")
    String panel(Model model) {
        CashForecastReport f = forecasts.forecast(null, THIRTEEN_WEEKS, null);
        model.addAttribute("f", f);
        return "insight/forecast :: panel";
    }
}
