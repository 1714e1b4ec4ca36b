package io.huikuan.credit;

import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The limit the policy recommends: the lower of a share of the equity and a share of the revenue, capped by the grade's
 * cap; and whose authority a limit needs (finance up to its authority, a manager up to theirs, above: an administrator;
 * a limit above the recommendation one level more). Pure; the words come from {@code words} (bundle key, arguments).
 */
final class LimitRecommendation {

    record Result(BigDecimal limit, List<String> reasons) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LimitRecommendation() {
    }

    static Result of(CreditApplicationPolicy p, BigDecimal revenue, BigDecimal profit, BigDecimal equity, BigDecimal liabilities, Grade grade,
            int score, BigDecimal requested, BiFunction<String, Object[], String> words) {
        List<String> reasons = new ArrayList<>();
        BigDecimal byEquity = equity.signum() <= 0 ? BigDecimal.ZERO.setScale(2) : share(equity, p.equitySharePct());
        reasons.add(equity.signum() <= 0 ? words.apply("credit.app.reason.equityNegative", new Object[] {plain(equity)})
                : words.apply("credit.app.reason.equity", new Object[] {plain(equity), pct(p.equitySharePct()), plain(byEquity)}));
        BigDecimal byRevenue = share(revenue, p.revenueSharePct());
        reasons.add(words.apply("credit.app.reason.revenue", new Object[] {plain(revenue), pct(p.revenueSharePct()), plain(byRevenue)}));
        BigDecimal cap = p.cap(grade);
        reasons.add(words.apply("credit.app.reason.cap", new Object[] {grade.name(), score, plain(cap)}));
        BigDecimal limit = byEquity.min(byRevenue).min(cap).setScale(2, RoundingMode.DOWN);
        if (profit.signum() < 0) {
            reasons.add(words.apply("credit.app.reason.loss", new Object[] {plain(profit.negate())}));
        }
        if (equity.signum() > 0 && liabilities.compareTo(equity.multiply(BigDecimal.valueOf(2))) > 0) {
            reasons.add(words.apply("credit.app.reason.leverage", new Object[] {liabilities.divide(equity, 1, RoundingMode.HALF_UP).toPlainString()}));
        }
        reasons.add(words.apply("credit.app.reason.recommended", new Object[] {plain(limit)}));
        if (requested.compareTo(limit) > 0) {
            reasons.add(words.apply("credit.app.reason.above", new Object[] {plain(requested), plain(limit)}));
        }
        return new Result(limit, reasons);
    }

    /** The role whose authority {@code limit} needs; above the recommendation ({@code recommended} not null) one level more. */
    static Role required(CreditApplicationPolicy p, BigDecimal limit, BigDecimal recommended) {
        Role r = limit.compareTo(p.financeAuthority()) <= 0 ? Role.FINANCE : limit.compareTo(p.managerAuthority()) <= 0 ? Role.MANAGER : Role.ADMIN;
        if (recommended != null && limit.compareTo(recommended) > 0) {
            r = r == Role.FINANCE ? Role.MANAGER : Role.ADMIN;
        }
        return r;
    }

    /** May someone with these roles decide at {@code required}? */
    static boolean mayDecide(io.huikuan.identity.CurrentUser user, Role required) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        return switch (required) {
            case FINANCE -> user.has(Role.FINANCE) || user.has(Role.MANAGER);
            case MANAGER -> user.has(Role.MANAGER);
            default -> false;
        };
    }

    private static BigDecimal share(BigDecimal v, BigDecimal pct) {
        return v.multiply(pct).divide(HUNDRED, 2, RoundingMode.DOWN);
    }

    static String plain(BigDecimal b) {
        return b.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String pct(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
