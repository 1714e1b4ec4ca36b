/** Contracts, invoices, payments and allocations, credit notes, write-offs, derived balances and the append-only history. */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package io.huikuan.ledger;
