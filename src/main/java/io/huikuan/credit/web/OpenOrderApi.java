package io.huikuan.credit.web;

import io.huikuan.common.InputRules;
import io.huikuan.credit.OpenOrder;
import io.huikuan.credit.OpenOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders the ERP reports, not yet invoiced: part of the customer's exposure while OPEN. */
@RestController
@Tag(name = "Credit")
class OpenOrderApi {

    private final OpenOrders orders;
    private final Clock clock;

    OpenOrderApi(OpenOrders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @PutMapping("/api/open-orders/{reference}")
    @Operation(summary = "Report an order (create or update) {customerCode, amount (≥ 0, at most 2 decimals), status: OPEN|INVOICED|CANCELLED "
            + "(default OPEN)} (FINANCE, MANAGER, ADMIN: the ERP's token); an OPEN order counts in the exposure until invoiced or cancelled")
    OpenOrder report(@PathVariable String reference, @RequestBody(required = false) OpenOrder.Request body) {
        return orders.report(reference, body);
    }

    @GetMapping("/api/open-orders/{reference}")
    @Operation(summary = "One reported order")
    OpenOrder get(@PathVariable String reference) {
        return orders.get(reference);
    }

    @GetMapping("/api/customers/{code}/open-orders")
    @Operation(summary = "The customer's orders open at asOf (yyyy-MM-dd, default today)")
    List<OpenOrder> open(@PathVariable String code, @RequestParam(required = false) String asOf) {
        LocalDate d = InputRules.date("asOf", asOf);
        return orders.openOf(code, d == null ? LocalDate.now(clock) : d);
    }
}
