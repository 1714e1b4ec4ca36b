package io.huikuan.aging.web;

import io.huikuan.aging.ProvisionBand;
import io.huikuan.aging.ProvisionService;
import io.huikuan.aging.Provisions;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bad-debt provisions (坏账准备) as of a date: the aging method with editable rates (percentages,
 * one per age band) and the expected-credit-loss matrix side by side, and both as XLSX. Managers,
 * finance, legal and administrators only, as the API. A bad date or rate answers 400 with the
 * form and an error naming the field ({@code rates[2]} for the third band).
 */
@Controller
class ProvisionPages {

    /** The default rates as the form shows them: percentages. */
    static final List<String> DEFAULT_PERCENTS = ProvisionBand.DEFAULT_RATES.stream()
            .map(r -> r.movePointRight(2).stripTrailingZeros().toPlainString()).toList();

    private final ProvisionService provisions;
    private final MessageSource messages;
    private final Clock clock;

    ProvisionPages(ProvisionService provisions, MessageSource messages, Clock clock) {
        this.provisions = provisions;
        this.messages = messages;
        this.clock = clock;
    }

    /** The form as given: the date and one percentage per band (as typed). */
    record Form(String asOf, List<String> rates) {
    }

    @GetMapping("/provisions")
    String page(@RequestParam(required = false) String asOf, @RequestParam(required = false) List<String> rates, Model model,
            Locale locale, HttpServletResponse response) {
        require();
        Parsed parsed = parse(asOf, rates, locale);
        form(model, parsed, locale);
        if (parsed.errors().any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "aging/provisions";
        }
        Provisions p = provisions.at(parsed.date(), parsed.fractions());
        model.addAttribute("provisions", p);
        model.addAttribute("bandLabels", ProvisionBand.DEFAULTS.stream().map(b -> AgingLabels.band(messages, b, locale)).toList());
        model.addAttribute("bucketLabels", p.expectedCreditLoss().buckets().stream()
                .map(b -> AgingLabels.bucket(messages, b.fromDays(), b.toDays(), locale)).toList());
        model.addAttribute("bandRates", p.agingMethod().bands().stream().map(b -> AgingLabels.percent(b.rate())).toList());
        model.addAttribute("rollRates", p.expectedCreditLoss().buckets().stream().map(b -> AgingLabels.percent(b.rollRate())).toList());
        model.addAttribute("lossRates", p.expectedCreditLoss().buckets().stream().map(b -> AgingLabels.percent(b.lossRate())).toList());
        return "aging/provisions";
    }

    @GetMapping("/provisions/export.xlsx")
    String export(@RequestParam(required = false) String asOf, @RequestParam(required = false) List<String> rates, Model model,
            Locale locale, HttpServletResponse response) throws IOException {
        require();
        Parsed parsed = parse(asOf, rates, locale);
        if (parsed.errors().any()) {
            form(model, parsed, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "aging/provisions";
        }
        Provisions p = provisions.at(parsed.date(), parsed.fractions());
        List<List<Object>> bands = new ArrayList<>();
        for (int b = 0; b < p.agingMethod().bands().size(); b++) {
            Provisions.Band band = p.agingMethod().bands().get(b);
            bands.add(List.of(AgingLabels.band(messages, ProvisionBand.DEFAULTS.get(b), locale), band.balance(),
                    XlsxTables.Num.percent(band.rate()), band.provision()));
        }
        bands.add(java.util.Arrays.asList(msg("aging.total", locale), p.agingMethod().balance(), null, p.agingMethod().total()));
        List<List<Object>> ecl = new ArrayList<>();
        for (Provisions.Bucket bucket : p.expectedCreditLoss().buckets()) {
            ecl.add(java.util.Arrays.asList(AgingLabels.bucket(messages, bucket.fromDays(), bucket.toDays(), locale), bucket.balance(),
                    XlsxTables.Num.percent(bucket.rollRate()), XlsxTables.Num.percent(bucket.lossRate()), bucket.provision()));
        }
        ecl.add(java.util.Arrays.asList(msg("aging.total", locale), p.expectedCreditLoss().balance(), null, null,
                p.expectedCreditLoss().total()));
        XlsxTables.send(response, "provisions-" + p.asOf() + ".xlsx", List.of(
                new XlsxTables.Sheet(msg("provisions.agingMethod", locale),
                        List.of(msg("provisions.band", locale), msg("provisions.balance", locale), msg("provisions.rate", locale),
                                msg("provisions.provision", locale)), bands),
                new XlsxTables.Sheet(msg("provisions.ecl.sheet", locale),
                        List.of(msg("aging.bucket", locale), msg("provisions.balance", locale), msg("provisions.rollRate", locale),
                                msg("provisions.lossRate", locale), msg("provisions.provision", locale)), ecl)));
        return null;
    }

    /** Collectors get 403 before any input is looked at, as from the API. */
    private static void require() {
        CurrentUser.require("see provisions", Role.MANAGER, Role.FINANCE, Role.LEGAL);
    }

    private record Parsed(Form form, LocalDate date, List<BigDecimal> fractions, FormErrors errors) {
    }

    /**
     * Reads the date and the percentages: one per band, each a number from 0 to 100; given as
     * repeated {@code rates} parameters or one comma-separated value.
     */
    private Parsed parse(String asOf, List<String> rates, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : errors.date("asOf", asOf, false);
        List<String> given = rates == null || rates.isEmpty() ? DEFAULT_PERCENTS : rates;
        int bands = ProvisionBand.DEFAULTS.size();
        List<BigDecimal> fractions = new ArrayList<>(bands);
        if (given.size() != bands) {
            errors.add("rates", messages.getMessage("provisions.error.count", new Object[] {bands, given.size()}, locale));
        } else {
            for (int b = 0; b < bands; b++) {
                String field = "rates[" + b + "]";
                String raw = given.get(b) == null ? "" : given.get(b).strip().replace("%", "").replace("％", "");
                BigDecimal percent = null;
                try {
                    percent = raw.isEmpty() ? null : new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    // reported below
                }
                String band = AgingLabels.band(messages, ProvisionBand.DEFAULTS.get(b), locale);
                if (percent == null) {
                    errors.add(field, messages.getMessage("provisions.error.notNumber", new Object[] {band}, locale));
                } else if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(field, messages.getMessage("provisions.error.range", new Object[] {band}, locale));
                } else {
                    fractions.add(percent.movePointLeft(2));
                }
            }
        }
        List<String> shown = new ArrayList<>(given);
        while (shown.size() < bands) {
            shown.add("");
        }
        return new Parsed(new Form(asOf == null || asOf.isBlank() ? String.valueOf(date) : asOf.strip(), shown), date, fractions, errors);
    }

    private void form(Model model, Parsed parsed, Locale locale) {
        model.addAttribute("form", parsed.form());
        model.addAttribute("errors", parsed.errors());
        model.addAttribute("bands", ProvisionBand.DEFAULTS.stream().map(b -> AgingLabels.band(messages, b, locale)).toList());
        if (!parsed.errors().any()) {
            UriComponentsBuilder export = UriComponentsBuilder.fromPath("/provisions/export.xlsx").queryParam("asOf", parsed.date())
                    .queryParam("rates", String.join(",", parsed.fractions().stream()
                            .map(f -> f.movePointRight(2).stripTrailingZeros().toPlainString()).toList()));
            model.addAttribute("exportHref", export.encode().build().toUriString());
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
