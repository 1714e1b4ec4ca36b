package io.huikuan.legal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.legal.CourtFees;
import io.huikuan.legal.CourtProcedure;
import io.huikuan.legal.InterestBasis;
import io.huikuan.legal.InterestProperties;
import io.huikuan.legal.LateInterest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calculators page (/legal/calculators): the court fee with its bands and the late-payment interest with its
 * periods, each a GET form (the answer is a link one can share). Every signed-in role may use it: nothing on it reads
 * customer data.
 */
@Controller
class CalculatorPages {

    private final CourtFees fees;
    private final LateInterest interest;
    private final InterestProperties props;
    private final MessageSource messages;
    private final Clock clock;

    CalculatorPages(CourtFees fees, LateInterest interest, InterestProperties props, MessageSource messages, Clock clock) {
        this.fees = fees;
        this.interest = interest;
        this.props = props;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/legal/calculators")
    String page(@RequestParam Map<String, String> params, Locale locale, Model model) {
        io.huikuan.identity.CurrentUser user = CalculatorApi.requireSignedIn();
        Map<String, String> values = new HashMap<>(params);
        LocalDate today = LocalDate.now(clock);
        values.putIfAbsent("procedure", CourtProcedure.LAWSUIT.name());
        values.putIfAbsent("basis", InterestBasis.LPR.name());
        values.putIfAbsent("dayBasis", String.valueOf(props.dayBasis()));
        values.putIfAbsent("to", today.toString());
        model.addAttribute("values", values);
        model.addAttribute("procedures", CourtProcedure.values());
        model.addAttribute("bases", InterestBasis.values());
        model.addAttribute("mayEditLpr", user.has(io.huikuan.identity.Role.ADMIN));
        model.addAttribute("mayViewLpr", user.has(io.huikuan.identity.Role.ADMIN) || user.has(io.huikuan.identity.Role.FINANCE)
                || user.has(io.huikuan.identity.Role.LEGAL) || user.has(io.huikuan.identity.Role.MANAGER));
        FormErrors feeErrors = new FormErrors(messages, locale);
        FormErrors interestErrors = new FormErrors(messages, locale);
        if ("fee".equals(params.get("calc"))) {
            try {
                CalculatorParams.Fee p = CalculatorParams.fee(params.get("claim"), params.get("procedure"), params.get("mediated"));
                model.addAttribute("fee", fees.fee(p.claim(), p.procedure(), p.mediated()));
            } catch (ValidationException e) {
                feeErrors.addAll(e);
            }
        }
        if ("interest".equals(params.get("calc"))) {
            try {
                model.addAttribute("interest", interest.compute(CalculatorParams.interest(params.get("principal"), params.get("from"),
                        params.get("to"), params.get("basis"), params.get("rate"), params.get("markup"), params.get("dayBasis"))));
            } catch (ValidationException e) {
                interestErrors.addAll(e);
            }
        }
        model.addAttribute("feeErrors", feeErrors);
        model.addAttribute("interestErrors", interestErrors);
        return "legal/calculators";
    }
}
