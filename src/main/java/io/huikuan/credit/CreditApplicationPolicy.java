package io.huikuan.credit;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The policy of credit applications and reviews (one for the installation): the recommended limit is the lower of
 * {@code equitySharePct} % of the equity and {@code revenueSharePct} % of the yearly revenue, capped by the grade's cap
 * ({@code caps}, A–E); every customer is reviewed every {@code reviewMonths} months of its grade; finance decides limits
 * up to {@code financeAuthority}, a manager up to {@code managerAuthority}, an administrator any.
 */
public record CreditApplicationPolicy(BigDecimal equitySharePct, BigDecimal revenueSharePct, Map<String, BigDecimal> caps,
        Map<String, Integer> reviewMonths, BigDecimal financeAuthority, BigDecimal managerAuthority, String updatedBy) {

    /** A manager's change; a missing field keeps its value. */
    public record Request(String equitySharePct, String revenueSharePct, Map<String, String> caps, Map<String, String> reviewMonths,
            String financeAuthority, String managerAuthority) {
    }

    public BigDecimal cap(Grade g) {
        return caps.get(g.name());
    }

    public int months(Grade g) {
        return reviewMonths.get(g.name());
    }
}
