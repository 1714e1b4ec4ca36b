package io.huikuan.legal.web;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.CourtFees;
import io.huikuan.legal.LateInterest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The court-fee and late-interest calculators (any signed-in role: they read no customer data). Amounts and rates are
 * strings holding exact decimals ({@code "13800.00"}), never binary floating point.
 */
@RestController
@Tag(name = "Calculators")
class CalculatorApi {

    private final CourtFees fees;
    private final LateInterest interest;

    CalculatorApi(CourtFees fees, LateInterest interest) {
        this.fees = fees;
        this.interest = interest;
    }

    @GetMapping("/api/calculators/court-fee")
    @Operation(summary = "Court fee under 诉讼费用交纳办法: procedure LAWSUIT (art. 13 bands, default) | SUMMARY (halved, art. 16) | "
            + "PAYMENT_ORDER (one third, art. 14 (3)) | PRESERVATION (art. 14 (2), at most 5,000); mediated=true halves a lawsuit's fee "
            + "(art. 15, not twice). Answers {fee, claim, procedure, mediated, baseFee, reduction, bands[{from,to,rate,amount}], article}")
    Map<String, Object> courtFee(@RequestParam(required = false) String claim, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String mediated) {
        requireSignedIn();
        CalculatorParams.Fee p = CalculatorParams.fee(claim, procedure, mediated);
        CourtFees.CourtFee f = fees.fee(p.claim(), p.procedure(), p.mediated());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fee", money(f.fee()));
        out.put("claim", money(f.claim()));
        out.put("procedure", f.procedure().name());
        out.put("mediated", f.mediated());
        out.put("baseFee", money(f.baseFee()));
        out.put("reduction", f.reduction());
        out.put("bands", f.bands().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", money(b.from()));
            m.put("to", b.to() == null ? null : money(b.to()));
            m.put("rate", b.rate() == null ? null : b.rate().toPlainString());
            m.put("amount", money(b.amount()));
            return m;
        }).toList());
        out.put("article", f.article());
        return out;
    }

    @GetMapping("/api/calculators/late-interest")
    @Operation(summary = "Late-payment interest: from = first day late, to = last day counted (both inclusive); basis CONTRACT (rate = annual, "
            + "e.g. 0.06) | DAILY_RATE (rate per day, e.g. 0.0005) | LPR (the one-year LPR in force each day × (1 + markup), periods split where "
            + "it changes); dayBasis 360|365 (default huikuan.legal.interest.day-basis, 365). Each period rounded HALF_UP to the cent; "
            + "interest = their sum. Answers {days, interest, principal, basis, dayBasis, periods[{from,to,days,rate,lpr,interest}]}")
    Map<String, Object> lateInterest(@RequestParam(required = false) String principal, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String basis, @RequestParam(required = false) String rate,
            @RequestParam(required = false) String markup, @RequestParam(required = false) String dayBasis) {
        requireSignedIn();
        LateInterest.Result r = interest.compute(CalculatorParams.interest(principal, from, to, basis, rate, markup, dayBasis));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", r.days());
        out.put("interest", money(r.interest()));
        out.put("principal", money(r.principal()));
        out.put("basis", r.basis().name());
        out.put("dayBasis", r.dayBasis());
        List<Map<String, Object>> periods = r.periods().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", p.from().toString());
            m.put("to", p.to().toString());
            m.put("days", p.days());
            m.put("rate", p.rate().stripTrailingZeros().toPlainString());
            m.put("lpr", p.lpr() == null ? null : p.lpr().stripTrailingZeros().toPlainString());
            m.put("interest", money(p.interest()));
            return m;
        }).toList();
        out.put("periods", periods);
        return out;
    }

    /** Any role: the calculators compute from what is typed and the public LPR table, never from a customer's data. */
    static CurrentUser requireSignedIn() {
        return CurrentUser.require("use the calculators", Role.values());
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
