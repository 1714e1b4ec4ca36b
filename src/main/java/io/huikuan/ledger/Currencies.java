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

    /** Receivables in one currency: open and overdue. */
    public record Balance(String currency, java.math.BigDecimal open, java.math.BigDecimal overdue) {
    }

    /**
     * Open and overdue receivables per currency other than the base, as of {@code today}, for one owner's customers
     * ({@code owner} null: every customer); empty when only the base currency is in use. Reads only the invoices in
     * other currencies (the currency index), each balance with correlated sums.
     */
    public java.util.List<Balance> otherCurrencies(java.time.LocalDate today, String owner) {
        if (!foreignInUse()) {
            return java.util.List.of();
        }
        java.util.List<Object> params = new java.util.ArrayList<>(java.util.List.of(java.sql.Date.valueOf(today)));
        if (owner != null) {
            params.add(owner);
        }
        return jdbc.sql("""
                SELECT t.currency, sum(t.open_amount) open_amount, sum(CASE WHEN t.due_date < ? THEN t.open_amount ELSE 0 END) overdue
                FROM (SELECT i.currency, i.due_date, %s open_amount FROM invoice i%s WHERE i.currency <> '%s') t
                GROUP BY t.currency HAVING sum(t.open_amount) <> 0 ORDER BY t.currency""".formatted(LedgerQueries.OPEN_CORRELATED,
                        owner == null ? "" : " JOIN customer c ON c.id = i.customer_id AND c.owner = ?", BASE))
                .params(params)
                .query((rs, n) -> new Balance(rs.getString("currency").trim(), LedgerQueries.scale(rs.getBigDecimal("open_amount")),
                        LedgerQueries.scale(rs.getBigDecimal("overdue"))))
                .list();
    }
}
