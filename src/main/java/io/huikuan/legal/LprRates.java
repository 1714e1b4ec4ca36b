package io.huikuan.legal;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-year LPR table (贷款市场报价利率, published by the National Interbank Funding Center on the 20th of each
 * month): the rate in percent in force from each date, with its source. Seeded with the history from 2019-08-20 and the
 * PBOC benchmark rate before it (kind BENCHMARK); administrators add each new announcement and correct mistakes;
 * finance, legal and managers may read it.
 */
@Service
public class LprRates {

    /** A rate in percent a year (e.g. 3.1000) in force from {@code effectiveFrom}; kind LPR or BENCHMARK. */
    public record LprRate(LocalDate effectiveFrom, BigDecimal rate, String kind, String source, String updatedBy) {

        /** The rate as a page shows it: at least 2 decimals, no trailing zeros beyond (3.00, 3.125). */
        public String percent() {
            BigDecimal r = rate.stripTrailingZeros();
            return (r.scale() < 2 ? r.setScale(2) : r).toPlainString();
        }
    }

    /** What an administrator enters: the date the rate takes effect, the rate in percent, where it was published. */
    public record Entry(LocalDate effectiveFrom, BigDecimal rate, String source) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LprRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The whole table, oldest first (read by calculations; no role needed to compute with it). */
    @Transactional(readOnly = true)
    public List<LprRate> all() {
        return jdbc.sql("SELECT effective_from, rate, kind, source, updated_by FROM lpr_rate ORDER BY effective_from")
                .query((rs, n) -> new LprRate(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The table as a page or the API shows it (finance, legal, managers, administrators). */
    public List<LprRate> list() {
        CurrentUser.require("see the LPR table", Role.FINANCE, Role.LEGAL, Role.MANAGER);
        return all();
    }

    /** Adds the rate of a new date (administrators). A date already in the table answers 409 naming {@code effectiveFrom}. */
    @Transactional
    public LprRate add(Entry e) {
        CurrentUser user = CurrentUser.require("add an LPR rate", Role.ADMIN);
        check(e);
        if (find(e.effectiveFrom()) != null) {
            throw new ConflictException("effectiveFrom", "a rate from " + e.effectiveFrom() + " is already in the table; correct it instead");
        }
        jdbc.sql("INSERT INTO lpr_rate (effective_from, rate, kind, source, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Date.valueOf(e.effectiveFrom()), e.rate(), "LPR", e.source().strip(), user.username(), Timestamp.from(Instant.now(clock)))
                .update();
        return find(e.effectiveFrom());
    }

    /** Corrects the rate and source of a date already in the table (administrators; 404 when there is none). */
    @Transactional
    public LprRate correct(Entry e) {
        CurrentUser user = CurrentUser.require("correct an LPR rate", Role.ADMIN);
        check(e);
        int n = jdbc.sql("UPDATE lpr_rate SET rate = ?, source = ?, updated_by = ?, updated_at = ? WHERE effective_from = ?")
                .params(e.rate(), e.source().strip(), user.username(), Timestamp.from(Instant.now(clock)), Date.valueOf(e.effectiveFrom()))
                .update();
        if (n == 0) {
            throw new NotFoundException("LPR rate", String.valueOf(e.effectiveFrom()));
        }
        return find(e.effectiveFrom());
    }

    private LprRate find(LocalDate date) {
        return jdbc.sql("SELECT effective_from, rate, kind, source, updated_by FROM lpr_rate WHERE effective_from = ?").param(Date.valueOf(date))
                .query((rs, n) -> new LprRate(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional().orElse(null);
    }

    private static void check(Entry e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.effectiveFrom() == null) {
            errors.add(FieldError.coded("effectiveFrom", null, "required", "is required: the date the rate takes effect (yyyy-MM-dd)"));
        } else {
            InputRules.dateRule("effectiveFrom", e.effectiveFrom()).ifPresent(errors::add);
        }
        if (e.rate() == null) {
            errors.add(FieldError.coded("rate", null, "required", "is required: the one-year LPR in percent, e.g. 3.10"));
        } else if (e.rate().signum() <= 0 || e.rate().compareTo(BigDecimal.valueOf(100)) >= 0) {
            errors.add(FieldError.coded("rate", e.rate().toPlainString(), "legal.lprPercent", "is a percentage above 0 and below 100, e.g. 3.10"));
        } else if (e.rate().stripTrailingZeros().scale() > 4) {
            errors.add(FieldError.coded("rate", e.rate().toPlainString(), "legal.lprDecimals", "has at most 4 decimals"));
        }
        if (e.source() == null || e.source().isBlank()) {
            errors.add(FieldError.coded("source", null, "required", "is required: the announcement the rate comes from"));
        } else {
            InputRules.length(errors, "source", e.source().strip(), 500);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
