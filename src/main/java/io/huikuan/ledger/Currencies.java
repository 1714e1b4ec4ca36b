package io.huikuan.ledger;

import io.huikuan.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The currencies the ledger's invoices are in (issue 12, item 15; docs/currencies.md). Totals are
 * never added across currencies; reports ask here whether anything but the base currency is in use
 * and only then read each invoice's currency, so a single-currency ledger pays nothing for it.
 */
@Component
public class Currencies {

    /** The company's base currency: the one whose totals the single-amount fields hold. */
    public static final String BASE = Money.DEFAULT_CURRENCY;

    private final JdbcClient jdbc;

    Currencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when some invoice is in another currency than {@link #BASE} (two probes of the invoice currency index). */
    public boolean foreignInUse() {
        return jdbc.sql("SELECT min(currency) lo, max(currency) hi FROM invoice").query((rs, n) -> {
            String lo = rs.getString("lo");
            String hi = rs.getString("hi");
            return lo != null && (!BASE.equals(lo.trim()) || !BASE.equals(hi.trim()));
        }).single();
    }

    /**
     * A SQL condition (starting with " AND ") keeping only rows whose invoice ({@code invoiceIdColumn}) is in the base
     * currency, for the measures that divide one sum by another (DSO, CEI, …) and cannot mix currencies; empty when
     * every invoice is in the base currency.
     */
    public String baseOnly(String invoiceIdColumn) {
        return foreignInUse() ? " AND " + invoiceIdColumn + " NOT IN (SELECT fx.id FROM invoice fx WHERE fx.currency <> '" + BASE + "')" : "";
    }
}
