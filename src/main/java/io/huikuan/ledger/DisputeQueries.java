package io.huikuan.ledger;

import io.huikuan.common.ValidationException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads disputes: one invoice's, one by id, and the dispute list with its filters and the ageing of the open ones
 * (days open 0–7, 8–30, 31–60, over 60), scoped to the current user's portfolio, as of any date: a dispute is open at D
 * when it was opened on or before D and not resolved by D.
 */
@Component
public class DisputeQueries {

    static final String COLUMNS = """
            SELECT d.id, i.invoice_no, d.opened_on, d.reason, d.opened_by, d.resolved_on, d.resolution, d.resolved_by, c.code customer_code,
                   d.amount, d.category, d.owner_function, d.owner_user, d.due_by, d.outcome, d.resolved_amount, d.credit_note_no, c.name customer_name
            FROM invoice_dispute d JOIN invoice i ON i.id = d.invoice_id JOIN customer c ON c.id = i.customer_id""";

    /** A dispute in the list, as of a date: its status then, days open, whether it is past its due-by date. */
    public record Line(Dispute dispute, String customerName, String status, long daysOpen, boolean overdue, String band) {
    }

    /** A band of the ageing of disputes open at the as-of date: how many, for how much. */
    public record Band(String band, long count, BigDecimal amount) {
    }

    /** The list and the ageing of the disputes open at {@code asOf} among them. */
    public record Listing(LocalDate asOf, List<Line> disputes, List<Band> bands, long open, long overdue, BigDecimal openAmount) {
    }

    public static final List<String> BANDS = List.of("0-7", "8-30", "31-60", "60+");

    private final JdbcClient jdbc;

    DisputeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Dispute> byInvoice(String invoiceNo) {
        return jdbc.sql(COLUMNS + " WHERE i.invoice_no = ? ORDER BY d.opened_on DESC, d.id DESC").param(invoiceNo).query(DisputeQueries::map).list();
    }

    java.util.Optional<Dispute> byId(long id) {
        return jdbc.sql(COLUMNS + " WHERE d.id = ?").param(id).query(DisputeQueries::map).optional();
    }

    /**
     * Disputes that existed at {@code asOf} (opened by then), newest first, filtered by status (OPEN or RESOLVED at
     * asOf), category, owner (a function or a username) and customer code; bad filter values are named.
     */
    public Listing list(String status, String category, String owner, String customer, LocalDate asOf) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        String st = upper(status);
        if (st != null && !st.equals("OPEN") && !st.equals("RESOLVED")) {
            errors.add(ValidationException.FieldError.coded("status", status, "choice", "one of [OPEN, RESOLVED]"));
        }
        String cat = upper(category);
        if (cat != null && java.util.Arrays.stream(DisputeCategory.values()).noneMatch(x -> x.name().equals(cat))) {
            errors.add(ValidationException.FieldError.coded("category", category, "choice", "one of " + java.util.Arrays.toString(DisputeCategory.values())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        SqlFilter where = SqlFilter.scoped("c.owner").onOrBefore("d.opened_on", asOf).eq("d.category", cat).eq("c.code", customer);
        if (owner != null && !owner.isBlank()) {
            where.and("(d.owner_function = ? OR d.owner_user = ?)", owner.trim().toUpperCase(Locale.ROOT), owner.trim());
        }
        Date d = Date.valueOf(asOf);
        if ("OPEN".equals(st)) {
            where.and("(d.resolved_on IS NULL OR d.resolved_on > ?)", d);
        } else if ("RESOLVED".equals(st)) {
            where.and("d.resolved_on <= ?", d);
        }
        List<Line> lines = jdbc.sql(COLUMNS + where.sql() + " ORDER BY d.opened_on DESC, d.id DESC LIMIT 2000").params(where.params())
                .query((rs, n) -> line(map(rs, n), rs.getString("customer_name"), asOf)).list();
        long[] counts = new long[BANDS.size()];
        BigDecimal[] amounts = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        long open = 0;
        long overdue = 0;
        for (Line l : lines) {
            if (l.status().equals("OPEN")) {
                int b = BANDS.indexOf(l.band());
                counts[b]++;
                amounts[b] = amounts[b].add(l.dispute().amount());
                open++;
                overdue += l.overdue() ? 1 : 0;
            }
        }
        List<Band> bands = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int b = 0; b < BANDS.size(); b++) {
            bands.add(new Band(BANDS.get(b), counts[b], amounts[b].setScale(2)));
            total = total.add(amounts[b]);
        }
        return new Listing(asOf, lines, bands, open, overdue, total.setScale(2));
    }

    /** The band of a dispute open for {@code days} days. */
    public static String band(long days) {
        return days <= 7 ? "0-7" : days <= 30 ? "8-30" : days <= 60 ? "31-60" : "60+";
    }

    private static Line line(Dispute d, String customerName, LocalDate asOf) {
        boolean open = d.resolvedOn() == null || d.resolvedOn().isAfter(asOf);
        LocalDate end = open ? asOf : d.resolvedOn();
        long days = ChronoUnit.DAYS.between(d.openedOn(), end);
        boolean overdue = d.dueBy() != null && end.isAfter(d.dueBy());
        return new Line(d, customerName, open ? "OPEN" : "RESOLVED", days, overdue, band(days));
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    static Dispute map(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        String owner = rs.getString("owner_function");
        String outcome = rs.getString("outcome");
        return new Dispute(rs.getLong("id"), rs.getString("invoice_no"), rs.getObject("opened_on", LocalDate.class), rs.getString("reason"),
                rs.getString("opened_by"), rs.getObject("resolved_on", LocalDate.class), rs.getString("resolution"), rs.getString("resolved_by"),
                rs.getString("customer_code"), rs.getBigDecimal("amount"), category == null ? DisputeCategory.OTHER : DisputeCategory.valueOf(category.trim()),
                owner == null ? null : DisputeOwner.valueOf(owner.trim()), rs.getString("owner_user"), rs.getObject("due_by", LocalDate.class),
                outcome == null ? null : DisputeOutcome.valueOf(outcome.trim()), rs.getBigDecimal("resolved_amount"), rs.getString("credit_note_no"));
    }
}
