package io.huikuan.ledger.web;

import io.huikuan.common.Page;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.ContractService;
import io.huikuan.ledger.Contract;
import io.huikuan.ledger.History;
import io.huikuan.ledger.HistoryEntry;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.AccountSummary;
import io.huikuan.ledger.LedgerQueries.CustomerAccount;
import io.huikuan.ledger.LedgerQueries.CustomerFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers with their balances, a customer's account and history. */
@RestController
@Tag(name = "Customers")
class AccountApi {

    private final LedgerQueries queries;
    private final CustomerService customers;
    private final ContractService contracts;
    private final History history;

    AccountApi(LedgerQueries queries, CustomerService customers, ContractService contracts, History history) {
        this.queries = queries;
        this.customers = customers;
        this.contracts = contracts;
        this.history = history;
    }

    @GetMapping("/api/customers")
    @Operation(summary = "Customers with open and overdue balances; search q (code/name), filters, sort (code, name, owner, region, grade, open, overdue), paging")
    Page<CustomerAccount> list(@RequestParam(required = false) String q, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String region, @RequestParam(required = false) String grade,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String businessUnit,
            @RequestParam(required = false) Boolean overdueOnly, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return queries.customers(new CustomerFilter(q, owner, region, grade, industry, businessUnit, overdueOnly), sort, desc,
                Math.max(page, 0), Page.clampSize(size));
    }

    @GetMapping("/api/customers/{code}/account")
    @Operation(summary = "The customer's balances: invoiced, open, overdue, not due, unapplied cash, paid, credited, written off")
    AccountSummary account(@PathVariable String code) {
        CustomerRef ref = customers.ref(code);
        return queries.summary(ref.id());
    }

    @GetMapping("/api/customers/{code}/contracts")
    List<Contract> contracts(@PathVariable String code) {
        return contracts.forCustomer(code);
    }

    @GetMapping("/api/customers/{code}/history")
    @Operation(summary = "Append-only history of the customer and its ledger documents, newest first")
    Page<HistoryEntry> history(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        customers.ref(code);
        return history.forCustomer(code, Math.max(page, 0), Page.clampSize(size));
    }
}
