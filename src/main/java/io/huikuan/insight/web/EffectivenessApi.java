package io.huikuan.insight.web;

import io.huikuan.insight.ChannelCosts;
import io.huikuan.insight.Effectiveness;
import io.huikuan.insight.EffectivenessDimension;
import io.huikuan.insight.EffectivenessReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What works, for API clients: the effectiveness report and the cost of an action by channel. */
@RestController
@Tag(name = "Insight")
class EffectivenessApi {

    private final Effectiveness effectiveness;
    private final ChannelCosts costs;

    EffectivenessApi(Effectiveness effectiveness, ChannelCosts costs) {
        this.effectiveness = effectiveness;
        this.costs = costs;
    }

    @GetMapping("/api/insight/effectiveness")
    @Operation(summary = "The outbound actions dated in [from, to] (default: the 30 days up to asOf) grouped by dimension (STRATEGY, STEP, "
            + "CHANNEL, TEMPLATE, SCRIPT, COLLECTOR; default CHANNEL), judged from facts dated up to asOf (default today): contacts, promises, "
            + "promise keeping, collected within 7 and 30 days, attributed by last touch and by an even split within attributionDays "
            + "(1-90, default 14), cure rate, cost. A collector sees their own actions.")
    EffectivenessReport report(@RequestParam(required = false) EffectivenessDimension dimension, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) Integer attributionDays) {
        return effectiveness.report(dimension, from, to, asOf, attributionDays);
    }

    @GetMapping("/api/insight/channel-costs")
    @Operation(summary = "What one action costs by channel (CNY)")
    Map<String, BigDecimal> costs() {
        return costs.all();
    }

    @PutMapping("/api/insight/channel-costs")
    @Operation(summary = "Set the cost of one action for the channels given, e.g. {\"LETTER\":\"25.00\"} (MANAGER, ADMIN)")
    Map<String, BigDecimal> setCosts(@RequestBody Map<String, String> body) {
        return costs.set(body);
    }
}
