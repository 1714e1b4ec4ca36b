package io.huikuan.insight;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.BalancePeriods;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the insight behaviours share: one generated portfolio with known payment habits ({@link PayingPortfolio}: 60
 * customers, seed 17, the first two owned by {@code pp-collector}), written once per database — the behaviours run in
 * a Spring context of their own ({@link #CONTEXT}), so on H2 the models learn from this portfolio and the tests' own
 * few customers, not from every other behaviour's data — the users {@code <p>-admin}, {@code <p>-finance},
 * {@code <p>-boss} (manager) and {@code <p>-collector}, and the clock on the behaviour's day.
 */
abstract class PortfolioFixture {

    /** The test properties of the insight behaviours' own context (and so their own H2 database). */
    static final String CONTEXT = "huikuan.test.context=insight";

    private static final Map<String, String> PORTFOLIOS = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BalancePeriods balances;

    private final String prefix;
    private final LocalDate today;

    /** This test's random token, and the portfolio's customer code prefix ({@code <P>-<token>}, its customers {@code -0}, {@code -1}, …). */
    String token;
    String portfolio;

    /** {@code prefix}: of the users' names; {@code today}: the clock's day. */
    PortfolioFixture(String prefix, LocalDate today) {
        this.prefix = prefix;
        this.today = today;
    }

    @BeforeEach
    void portfolioFixture() {
        clock.set(today, LocalTime.of(10, 0));
        Api.user(users, prefix + "-admin", Role.ADMIN);
        Api.user(users, prefix + "-finance", Role.FINANCE);
        Api.user(users, prefix + "-boss", Role.MANAGER);
        Api.user(users, prefix + "-collector", Role.COLLECTOR);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        synchronized (PORTFOLIOS) {
            String made = PORTFOLIOS.get("portfolio");
            if (made == null || jdbc.sql("SELECT count(*) FROM customer WHERE code = ?").param(made + "-0").query(Long.class).single() == 0) {
                made = "PP-" + token;
                PayingPortfolio.create(jdbc, balances, made, 60, "pp-collector", 17);
                PORTFOLIOS.put("portfolio", made);
            }
            portfolio = made;
        }
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }
}
