package io.huikuan.insight.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.insight.InvoicePrediction;
import io.huikuan.insight.PaymentPredictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The payment prediction of every invoice open at a date, for treasury, managers and API clients. */
@RestController
@Tag(name = "Insight")
class PredictionApi {

    private final PaymentPredictions predictions;
    private final Clock clock;

    PredictionApi(PaymentPredictions predictions, Clock clock) {
        this.predictions = predictions;
        this.clock = clock;
    }

    @GetMapping("/api/predictions/invoices")
    @Operation(summary = "Every invoice open at asOf (yyyy-MM-dd, default today) with the probability (0-1) that it is paid after its due date "
            + "and the predicted pay date, from facts dated on or before asOf: {items:[{invoiceNo, customerCode, currency, openAmount, dueDate, "
            + "probabilityLate, predictedPayDate, model, payDateModel}], total}; model/payDateModel name what answered (xgboost, or the "
            + "baseline customer-average or due-date where the trees did not beat both); by due date; page from 0, size ≤ 1000; "
            + "a collector sees only their own customers")
    Page<InvoicePrediction> invoices(@RequestParam(required = false) String asOf, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        LocalDate date = InputRules.date("asOf", asOf);
        int p = number("page", page, 0);
        int s = Page.clampSize(number("size", size, 50));
        return predictions.page(date == null ? LocalDate.now(clock) : date, p, s);
    }

    private static int number(String field, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 0) {
                throw ValidationException.coded(field, raw, "insight.number", "a whole number, 0 or more");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ValidationException.coded(field, raw, "insight.number", "a whole number, 0 or more");
        }
    }
}
