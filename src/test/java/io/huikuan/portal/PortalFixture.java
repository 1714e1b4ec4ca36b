package io.huikuan.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What the portal's behaviours share: on 2025-06-10 10:00, the office's users, a collector of this test's own (and one
 * other), customers owned by them with invoices due 30 days after issue, links made through the API, and the debtor's
 * phone: requests without login from this test's own IP with WeChat's user agent (each test has its own IP, so the
 * per-IP rate limit counts only its own requests).
 */
abstract class PortalFixture {

    static final String PHONE = "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50";
    static final AtomicInteger IPS = new AtomicInteger(1);

    private final String prefix;
    private final String companyName;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;

    String run;
    String collector;
    String ip;

    /** {@code prefix}: of this behaviour's customer codes (PL-…) and collector (pl-…); {@code companyName}: its customers' name. */
    PortalFixture(String prefix, String companyName) {
        this.prefix = prefix;
        this.companyName = companyName;
    }

    @BeforeEach
    void portalFixture() {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "legal", Role.LEGAL);
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = prefix.toLowerCase() + "-" + run.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "other-" + run.toLowerCase(), Role.COLLECTOR);
        int n = IPS.getAndIncrement();
        ip = "10.16." + (n / 250) + "." + (n % 250 + 1);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** A customer {@code <prefix>-<run>-<suffix>} named "{companyName} {suffix}", owned by this test's collector. */
    String customer(String suffix) throws Exception {
        return customer(suffix, collector);
    }

    String customer(String suffix, String owner) throws Exception {
        String code = prefix + "-" + run + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"%s %s","owner":"%s"}""".formatted(code, companyName, suffix, owner)).andExpect(status().isCreated());
        return code;
    }

    /** An invoice issued 30 days before its due date. */
    void invoice(String customer, String no, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, customer, LocalDate.parse(due).minusDays(30), due, amount)).andExpect(status().isCreated());
    }

    /** A 14-day link made by the collector; its path {@code /portal/<token>}. */
    String linkUrl(String customer) throws Exception {
        return link(customer, collector, "{\"expiresInDays\":14}").get("url").asString();
    }

    JsonNode link(String customer, String user, String json) throws Exception {
        return Api.json(call(post("/api/customers/" + customer + "/portal-links"), user, json).andExpect(status().isCreated()));
    }

    /** A portal request from this test's IP with the phone's user agent, no login. */
    ResultActions open(String url) throws Exception {
        return open(url, ip);
    }

    ResultActions open(String url, String from) throws Exception {
        return mvc.perform(get(url).with(r -> {
            r.setRemoteAddr(from);
            return r;
        }).header("User-Agent", PHONE));
    }

    static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
