package io.huikuan.ledger.web;

import io.huikuan.common.Page;
import io.huikuan.ledger.AdjustmentService;
import io.huikuan.ledger.CreditNote;
import io.huikuan.ledger.DisputeService;
import io.huikuan.ledger.Dispute;
import io.huikuan.ledger.History;
import io.huikuan.ledger.HistoryEntry;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.InvoiceAllocation;
import io.huikuan.ledger.LedgerQueries.InvoiceFilter;
import io.huikuan.ledger.OverdueCause;
import io.huikuan.ledger.OverdueNature;
import io.huikuan.ledger.WriteOff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices with derived balances, their credit notes, write-offs, classification and history. */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Invoices")
class InvoiceApi {

    private final InvoiceService invoices;
    private final AdjustmentService adjustments;
    private final LedgerQueries queries;
    private final History history;
    private final DisputeService disputes;

    InvoiceApi(InvoiceService invoices, AdjustmentService adjustments, LedgerQueries queries, History history, DisputeService disputes) {
        this.disputes = disputes;
        this.invoices = invoices;
        this.adjustments = adjustments;
        this.queries = queries;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "Invoices; filters customer, status (open|overdue|paid), q, dueFrom, dueTo, owner; sort (invoiceNo, issueDate, dueDate, amount, open, customer)")
    Page<InvoiceView> list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String limitation) {
        return queries.invoices(new InvoiceFilter(customer, status, q, dueFrom, dueTo, owner, io.huikuan.ledger.InvoiceExpiries.Filter.parse(limitation)),
                sort, desc, Math.max(page, 0),
                Page.clampSize(size));
    }

    @GetMapping("/{number}")
    InvoiceView get(@PathVariable String number) {
        return invoices.get(number);
    }

    @PostMapping
    ResponseEntity<InvoiceView> create(@RequestBody Invoice invoice, @RequestParam(required = false) String reason) {
        InvoiceView created = invoices.create(invoice, reason);
        return ResponseEntity.created(URI.create("/api/invoices/" + created.invoiceNo())).body(created);
    }

    @PutMapping("/{number}")
    InvoiceView update(@PathVariable String number, @RequestBody Invoice invoice, @RequestParam(required = false) String reason) {
        return invoices.update(number, invoice, reason);
    }

    @DeleteMapping("/{number}")
    @Operation(summary = "Delete an invoice entered by mistake (refused once anything is applied); reason required")
    ResponseEntity<Void> delete(@PathVariable String number, @RequestParam(required = false) String reason) {
        invoices.delete(number, reason);
        return ResponseEntity.noContent().build();
    }

    record Classification(OverdueCause cause, OverdueNature nature, String reason) {
    }

    @PutMapping("/{number}/classification")
    @Operation(summary = "Why the invoice is overdue (cause) and whether short or long term (nature)")
    InvoiceView classify(@PathVariable String number, @RequestBody Classification c) {
        return invoices.classify(number, c.cause(), c.nature(), c.reason());
    }

    @GetMapping("/{number}/allocations")
    List<InvoiceAllocation> allocations(@PathVariable String number) {
        invoices.get(number);
        return queries.allocationsOfInvoice(number);
    }

    @GetMapping("/{number}/credit-notes")
    List<CreditNote> creditNotes(@PathVariable String number) {
        invoices.get(number);
        return adjustments.creditNotes(number);
    }

    record CreditNoteRequest(String creditNoteNo, LocalDate noteDate, BigDecimal amount, String reason) {
    }

    @PostMapping("/{number}/credit-notes")
    ResponseEntity<CreditNote> creditNote(@PathVariable String number, @RequestBody CreditNoteRequest r) {
        CreditNote note = adjustments.creditNote(new CreditNote(r.creditNoteNo(), number, r.noteDate(), r.amount(), r.reason()));
        return ResponseEntity.status(201).body(note);
    }

    @GetMapping("/{number}/write-offs")
    List<WriteOff> writeOffs(@PathVariable String number) {
        invoices.get(number);
        return adjustments.writeOffs(number);
    }

    record WriteOffRequest(LocalDate writeOffDate, BigDecimal amount, String reason) {
    }

    @PostMapping("/{number}/write-offs")
    @Operation(summary = "Write off part or all of the open balance (MANAGER or ADMIN; reason required)")
    ResponseEntity<WriteOff> writeOff(@PathVariable String number, @RequestBody WriteOffRequest r) {
        WriteOff w = adjustments.writeOff(new WriteOff(null, number, r.writeOffDate(), r.amount(), r.reason(), null));
        return ResponseEntity.status(201).body(w);
    }

    @GetMapping("/{number}/disputes")
    @Operation(summary = "The invoice's disputes, newest first; resolvedOn null while open")
    List<Dispute> disputes(@PathVariable String number) {
        return disputes.list(number);
    }

    record DisputeRequest(LocalDate openedOn, String reason, BigDecimal amount, String category, String owner, String ownerUser, LocalDate dueBy) {
    }

    @PostMapping("/{number}/disputes")
    @Operation(summary = "Open a dispute (openedOn defaults to today; reason required) on amount (omitted: the whole open amount that day; "
            + "several disputes may be open as long as together they stay within the open amount), category (QUALITY, QUANTITY, PRICE, "
            + "NOT_DELIVERED, TAX_INVOICE, RECONCILIATION, OTHER), owner (SALES, QUALITY, LOGISTICS, FINANCE), ownerUser, dueBy; the disputed "
            + "amount stays in the receivables, shown apart as disputed and not collected; 409 when the whole amount is asked while one is open")
    ResponseEntity<Dispute> openDispute(@PathVariable String number, @RequestBody DisputeRequest r) {
        return ResponseEntity.status(201).body(disputes.open(number,
                new DisputeService.NewDispute(r.openedOn(), r.reason(), r.amount(), r.category(), r.owner(), r.ownerUser(), r.dueBy())));
    }

    record ResolveRequest(LocalDate resolvedOn, String resolution) {
    }

    @PostMapping("/{number}/disputes/resolve")
    @Operation(summary = "Resolve every open dispute of the invoice (resolvedOn defaults to today; resolution required); "
            + "POST /api/disputes/{id}/resolve resolves one with an outcome")
    Dispute resolveDispute(@PathVariable String number, @RequestBody ResolveRequest r) {
        return disputes.resolve(number, r.resolvedOn(), r.resolution());
    }

    @GetMapping("/{number}/history")
    List<HistoryEntry> history(@PathVariable String number) {
        invoices.get(number);
        return history.forEntities(number, "INVOICE", "DISPUTE");
    }
}
