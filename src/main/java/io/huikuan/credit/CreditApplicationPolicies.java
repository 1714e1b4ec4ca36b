package io.huikuan.credit;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the application and review policy (row 1 of {@code credit_application_policy}) and lets managers change it. */
@Service
public class CreditApplicationPolicies {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String[] GRADES = {"A", "B", "C", "D", "E"};

    private final JdbcClient jdbc;
    private final Clock clock;

    CreditApplicationPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CreditApplicationPolicy current() {
        return jdbc.sql("SELECT * FROM credit_application_policy WHERE id = 1").query((rs, n) -> row(rs)).single();
    }

    private static CreditApplicationPolicy row(ResultSet rs) throws SQLException {
        Map<String, BigDecimal> caps = new LinkedHashMap<>();
        Map<String, Integer> months = new LinkedHashMap<>();
        for (String g : GRADES) {
            caps.put(g, rs.getBigDecimal("cap_" + g.toLowerCase()));
            months.put(g, rs.getInt("review_months_" + g.toLowerCase()));
        }
        return new CreditApplicationPolicy(rs.getBigDecimal("equity_share_pct"), rs.getBigDecimal("revenue_share_pct"), caps, months,
                rs.getBigDecimal("finance_authority"), rs.getBigDecimal("manager_authority"), rs.getString("updated_by"));
    }

    /** Changes the policy (MANAGER, ADMIN); every bad field is named. */
    @Transactional
    public CreditApplicationPolicy update(CreditApplicationPolicy.Request body) {
        CurrentUser user = CurrentUser.require("change the credit application policy", Role.MANAGER);
        CreditApplicationPolicy now = current();
        List<FieldError> errors = new ArrayList<>();
        BigDecimal equity = percent("equitySharePct", body == null ? null : body.equitySharePct(), now.equitySharePct(), errors);
        BigDecimal revenue = percent("revenueSharePct", body == null ? null : body.revenueSharePct(), now.revenueSharePct(), errors);
        Map<String, BigDecimal> caps = new LinkedHashMap<>(now.caps());
        Map<String, Integer> months = new LinkedHashMap<>(now.reviewMonths());
        for (String g : GRADES) {
            String cap = body == null || body.caps() == null ? null : body.caps().get(g);
            caps.put(g, amount("caps." + g, cap, now.caps().get(g), errors));
            String m = body == null || body.reviewMonths() == null ? null : body.reviewMonths().get(g);
            if (m != null && !m.isBlank()) {
                try {
                    int v = Integer.parseInt(m.strip());
                    if (v < 1 || v > 60) {
                        throw new NumberFormatException();
                    }
                    months.put(g, v);
                } catch (NumberFormatException e) {
                    errors.add(FieldError.coded("reviewMonths." + g, m, "credit.app.months", "a whole number of months from 1 to 60"));
                }
            }
        }
        BigDecimal finance = amount("financeAuthority", body == null ? null : body.financeAuthority(), now.financeAuthority(), errors);
        BigDecimal manager = amount("managerAuthority", body == null ? null : body.managerAuthority(), now.managerAuthority(), errors);
        if (errors.isEmpty() && manager.compareTo(finance) < 0) {
            errors.add(FieldError.coded("managerAuthority", manager, "credit.app.authorityOrder", "must not be below the finance authority {0}",
                    finance.toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("""
                UPDATE credit_application_policy SET equity_share_pct = ?, revenue_share_pct = ?, cap_a = ?, cap_b = ?, cap_c = ?, cap_d = ?,
                  cap_e = ?, review_months_a = ?, review_months_b = ?, review_months_c = ?, review_months_d = ?, review_months_e = ?,
                  finance_authority = ?, manager_authority = ?, updated_by = ?, updated_at = ? WHERE id = 1""")
                .params(equity, revenue, caps.get("A"), caps.get("B"), caps.get("C"), caps.get("D"), caps.get("E"), months.get("A"),
                        months.get("B"), months.get("C"), months.get("D"), months.get("E"), finance, manager, user.username(),
                        Timestamp.from(clock.instant()))
                .update();
        return current();
    }

    private static BigDecimal percent(String field, String raw, BigDecimal keep, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return keep;
        }
        BigDecimal v = Amounts.parse(raw);
        if (v == null || v.signum() < 0 || v.compareTo(HUNDRED) > 0 || v.scale() > 2) {
            errors.add(FieldError.coded(field, raw, "credit.policy.tolerance", "a percentage from 0 to 100 with at most 2 decimals"));
            return keep;
        }
        return v;
    }

    private static BigDecimal amount(String field, String raw, BigDecimal keep, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return keep;
        }
        BigDecimal v = Amounts.parse(raw);
        if (v == null || v.signum() < 0 || v.scale() > 2 || v.compareTo(Amounts.MAX) > 0) {
            errors.add(FieldError.coded(field, raw, "credit.app.amount", "an amount of 0 or more with at most 2 decimals"));
            return keep;
        }
        return v;
    }
}
