package io.huikuan.aging.web;

import io.huikuan.aging.ProvisionBand;
import io.huikuan.aging.ProvisionService;
import io.huikuan.aging.Provisions;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bad-debt provisions (坏账准备): aging method and expected-credit-loss matrix side by side. */
@RestController
@Tag(name = "Provisions")
class ProvisionApi {

    private final ProvisionService provisions;
    private final Clock clock;

    ProvisionApi(ProvisionService provisions, Clock clock) {
        this.provisions = provisions;
        this.clock = clock;
    }

    @GetMapping("/api/provisions")
    @Operation(summary = "Provisions as of a date (default today): the aging method over invoice-age bands "
            + "(<1, 1-2, 2-3, 3-4, 4-5, >5 years) with rates (6 values 0..1, default 0.05,0.1,0.2,0.5,0.8,1), and the "
            + "expected-credit-loss matrix from roll rates over the 12 month ends before the date; managers, finance, legal, admins")
    Provisions provisions(@RequestParam(required = false) String asOf, @RequestParam(required = false) String rates) {
        LocalDate date = date(asOf);
        return provisions.at(date, rates(rates));
    }

    private LocalDate date(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock);
        }
        return InputRules.date("asOf", asOf);
    }

    static List<BigDecimal> rates(String rates) {
        if (rates == null || rates.isBlank()) {
            return ProvisionBand.DEFAULT_RATES;
        }
        String rule = ProvisionBand.DEFAULTS.size() + " comma-separated numbers from 0 to 1, one per age band";
        String[] parts = rates.split(",", -1);
        if (parts.length != ProvisionBand.DEFAULTS.size()) {
            throw new ValidationException("rates", rates, rule);
        }
        List<BigDecimal> values = new ArrayList<>(parts.length);
        for (String part : parts) {
            BigDecimal rate;
            try {
                rate = new BigDecimal(part.trim());
            } catch (NumberFormatException e) {
                throw new ValidationException("rates", rates, rule);
            }
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new ValidationException("rates", rates, rule);
            }
            values.add(rate);
        }
        return List.copyOf(values);
    }
}
