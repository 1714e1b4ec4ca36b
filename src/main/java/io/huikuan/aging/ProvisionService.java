package io.huikuan.aging;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.Currencies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bad-debt provisions as of a date (method: see {@link Provisions}). Managers, finance, legal and
 * administrators may read them; balances are scoped like the as-of aging (a collector-only user
 * would see their portfolio, but collectors are refused). Set-based: one SQL statement for the
 * age bands, and one aging statement ({@link AgingQueries#aging}) per month end and for the as-of date. In the base
 * currency only (docs/currencies.md).
 */
@Service
public class ProvisionService {

    /** Month ends the roll rates are taken over. */
    public static final int MONTHS = 12;

    private final JdbcClient jdbc;
    private final AgingQueries aging;
    private final Currencies currencies;

    ProvisionService(JdbcClient jdbc, AgingQueries aging, Currencies currencies) {
        this.jdbc = jdbc;
        this.aging = aging;
        this.currencies = currencies;
    }

    /** Both provisions as of {@code asOf}, the aging method with one rate (0..1) per default band. */
    @Transactional(readOnly = true)
    public Provisions at(LocalDate asOf, List<BigDecimal> rates) {
        Objects.requireNonNull(asOf, "asOf");
        CurrentUser.require("see provisions", Role.MANAGER, Role.FINANCE, Role.LEGAL);
        List<ProvisionBand> bands = ProvisionBand.DEFAULTS;
        if (rates.size() != bands.size()) {
            throw new IllegalArgumentException("one rate per band: " + bands.size() + " rates, not " + rates.size());
        }
        Provisions.AgingMethod agingMethod = Provisions.agingMethod(bands, bandBalances(asOf, bands), rates);

        List<List<BigDecimal>> monthEnds = new ArrayList<>(MONTHS);
        for (LocalDate end : Provisions.monthEndsBefore(asOf, MONTHS)) {
            monthEnds.add(bucketAmounts(end));
        }
        Provisions.ExpectedCreditLoss ecl = Provisions.expectedCreditLoss(AgingBucket.DEFAULTS, monthEnds, bucketAmounts(asOf));
        return new Provisions(asOf, agingMethod, ecl);
    }

    /** The aging buckets' totals in the base currency (provisions, like the measures, are in the base currency only). */
    private List<BigDecimal> bucketAmounts(LocalDate date) {
        AgingReport report = aging.aging(date, AgingBucket.DEFAULTS, AgingGrouping.NONE);
        return Currencies.BASE.equals(report.currency()) ? report.total().amounts()
                : AgingBucket.DEFAULTS.stream().map(b -> BigDecimal.ZERO.setScale(2)).toList();
    }

    /** The open balance at {@code asOf} in each band, in one statement. */
    List<BigDecimal> bandBalances(LocalDate asOf, List<ProvisionBand> bands) {
        CurrentUser user = CurrentUser.get();
        StringBuilder sql = new StringBuilder("SELECT count(*) invoices");
        for (int b = 0; b < bands.size(); b++) {
            List<String> conditions = new ArrayList<>();
            conditions.add("x.issue_date <= :latest" + b);
            if (bands.get(b).toYears() != null) {
                conditions.add("x.issue_date > :after" + b);
            }
            sql.append(", sum(CASE WHEN ").append(String.join(" AND ", conditions))
                    .append(" THEN x.open_amount ELSE 0 END) b").append(b);
        }
        sql.append(" FROM (").append(AgingQueries.OPEN_AT).append(") x JOIN customer c ON c.id = x.customer_id WHERE x.open_amount > 0")
                .append(currencies.baseOnly("x.invoice_id"));
        if (user.portfolioOnly()) {
            sql.append(" AND c.owner = :owner");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("asOf", java.sql.Date.valueOf(asOf));
        for (int b = 0; b < bands.size(); b++) {
            spec = spec.param("latest" + b, java.sql.Date.valueOf(bands.get(b).latestIssue(asOf)));
            LocalDate after = bands.get(b).issuedAfter(asOf);
            if (after != null) {
                spec = spec.param("after" + b, java.sql.Date.valueOf(after));
            }
        }
        if (user.portfolioOnly()) {
            spec = spec.param("owner", user.username());
        }
        return spec.query((rs, n) -> {
            List<BigDecimal> balances = new ArrayList<>(bands.size());
            for (int b = 0; b < bands.size(); b++) {
                balances.add(Provisions.money(rs.getBigDecimal("b" + b)));
            }
            return balances;
        }).single();
    }
}
