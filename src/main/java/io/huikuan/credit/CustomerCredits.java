package io.huikuan.credit;

import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.negotiation.SupplyHold;
import io.huikuan.negotiation.SupplyHoldQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * One customer's credit for the API and the customer page (the portfolio rule applies: 404 for a customer the user
 * may not see). Looking at today's credit stores today's score, so the history fills in on demand as well as daily.
 */
@Service
public class CustomerCredits {

    /** Points of history shown. */
    static final int HISTORY = 36;

    private final CustomerService customers;
    private final CreditScores scores;
    private final CreditOverrides overrides;
    private final SupplyHoldQueries holds;
    private final CreditLimitHistory limits;
    private final OpenOrders orders;
    private final Clock clock;

    CustomerCredits(CustomerService customers, CreditScores scores, CreditOverrides overrides, SupplyHoldQueries holds, CreditLimitHistory limits,
            OpenOrders orders, Clock clock) {
        this.limits = limits;
        this.orders = orders;
        this.customers = customers;
        this.scores = scores;
        this.overrides = overrides;
        this.holds = holds;
        this.clock = clock;
    }

    public CustomerCredit of(String code, LocalDate asOfOrNull) {
        CustomerRef ref = customers.ref(code);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = asOfOrNull == null ? today : asOfOrNull;
        CreditScores.Scored s = scores.of(ref.id(), asOf);
        if (asOf.equals(today)) {
            try {
                scores.snapshot(ref.id(), today, s.result());
            } catch (DataIntegrityViolationException e) {
                // another request stored today's score of this customer at the same moment: the same figures
            }
        }
        CreditFigures f = s.row().figures();
        BigDecimal openOrders = orders.total(ref.id(), asOf);
        BigDecimal exposure = f.open().setScale(2, RoundingMode.HALF_UP).add(openOrders);
        BigDecimal limit = f.limit();
        BigDecimal available = limit == null ? null : limit.subtract(exposure);
        Integer use = limit == null || limit.signum() <= 0 ? null
                : exposure.multiply(BigDecimal.valueOf(100)).divide(limit, 0, RoundingMode.HALF_UP).intValue();
        SupplyHold hold = holds.inForce(ref.id(), asOf).orElse(null);
        List<CreditScores.HistoryPoint> history = new ArrayList<>(scores.history(ref.id(), asOf, HISTORY));
        if (history.isEmpty() || !history.getLast().asOf().equals(asOf)) {
            history.add(new CreditScores.HistoryPoint(asOf, s.result().score(), s.result().grade().name()));
        }
        GradeOverride override = overrides.find(ref.id(), asOf).orElse(null);
        return new CustomerCredit(ref.code(), asOf, s.score().score(), s.score().grade(), override, s.score().effectiveGrade(),
                s.score().reasons(), limit, exposure, available, use, hold != null, hold == null ? null : hold.reason(), List.copyOf(history),
                limits.of(ref.id(), asOf), openOrders);
    }

    /** The customer's id, if the current user may see it (404 otherwise). */
    public long id(String code) {
        return customers.ref(code).id();
    }
}
