package io.huikuan.ledger.web;

import io.huikuan.common.Page;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.PaymentFilter;
import io.huikuan.ledger.LedgerQueries.PaymentRow;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.Payment.Allocation;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentWarnings;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments and their allocation to invoices. */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments")
class PaymentApi {

    private final PaymentService payments;
    private final LedgerQueries queries;

    private final java.time.Clock clock;

    PaymentApi(PaymentService payments, LedgerQueries queries, java.time.Clock clock) {
        this.clock = clock;
        this.payments = payments;
        this.queries = queries;
    }

    @GetMapping
    Page<PaymentRow> list(@RequestParam(required = false) String customer, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean unappliedOnly, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return queries.payments(new PaymentFilter(customer, q, from, to, unappliedOnly), sort, desc, Math.max(page, 0), Page.clampSize(size));
    }

    @GetMapping("/{ref}")
    Payment get(@PathVariable String ref) {
        return payments.get(ref);
    }

    @PostMapping
    @Operation(summary = "Post a payment; allocations name invoices and amounts, none = oldest due first (autoAllocate=false keeps it unapplied)")
    ResponseEntity<PostedPayment> post(@RequestBody PaymentRequest request, @RequestParam(required = false) String reason) {
        Payment created = payments.post(request, reason);
        List<PaymentWarnings.Warning> warnings = PaymentWarnings.of(created.paymentDate(), LocalDate.now(clock));
        return ResponseEntity.created(URI.create("/api/payments/" + created.paymentRef())).body(new PostedPayment(created, warnings));
    }

    /**
     * The posted payment as {@code GET /api/payments/{ref}} answers it, plus {@code warnings}: what is unusual but
     * accepted, e.g. {@code [{"field":"paymentDate","code":"payment.futureDate","message":"the payment date ... is in the future ..."}]}.
     */
    record PostedPayment(@com.fasterxml.jackson.annotation.JsonUnwrapped Payment payment, List<PaymentWarnings.Warning> warnings) {
    }

    @PostMapping("/{ref}/allocations")
    @Operation(summary = "Apply unapplied cash: the listed allocations, or with auto=true oldest due first")
    Payment allocate(@PathVariable String ref, @RequestBody(required = false) List<Allocation> allocations,
            @RequestParam(defaultValue = "false") boolean auto, @RequestParam(required = false) String reason) {
        if (auto || allocations == null || allocations.isEmpty()) {
            return payments.autoAllocate(ref, reason);
        }
        return payments.allocate(ref, allocations, reason);
    }

    @DeleteMapping("/{ref}/allocations/{invoiceNo}")
    Payment unallocate(@PathVariable String ref, @PathVariable String invoiceNo, @RequestParam(required = false) String reason) {
        return payments.unallocate(ref, invoiceNo, reason);
    }

    @DeleteMapping("/{ref}")
    ResponseEntity<Void> delete(@PathVariable String ref, @RequestParam(required = false) String reason) {
        payments.delete(ref, reason);
        return ResponseEntity.noContent().build();
    }
}
