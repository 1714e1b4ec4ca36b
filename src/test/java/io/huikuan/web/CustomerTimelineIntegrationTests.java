package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, items 10 and 11 on the customer page: the header (promise in force, segment and strategy, over the credit
 * limit with the amounts) and the one timeline (every kind, newest first, filtered by kind, the activity's direction,
 * "load more"), only for a user who may see the customer. Today is 2026-06-30, 10:00 Asia/Shanghai.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerTimelineIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcClient jdbc;

    String collector;
    String code;
    long customerId;

    /**
     * A customer with a credit limit of 1,900,000.00 and 4,120,000.00 open; a payment on 2026-06-20, a dispute opened on
     * 2026-06-25, an e-mail on 06-27 09:00, a promise made on 06-28 09:00 (2,000.00 by 2026-07-05), an inbound call on 06-29 15:00.
     */
    @BeforeEach
    void customer() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "tl-c-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "tl-other", Role.COLLECTOR);
        code = "TL-" + token;
        customers.create(new Customer(code, "时间线客户 " + token, null, null, null, null, collector, new BigDecimal("1900000.00"), 30, "C",
                List.of()), "test");
        customerId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
        invoices.create(new Invoice(code + "-1", code, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), new BigDecimal("4120500.00"),
                null, null, null, null), null);
        payments.post(new PaymentRequest(code + "-P", code, LocalDate.of(2026, 6, 20), new BigDecimal("500.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(new Payment.Allocation(code + "-1", new BigDecimal("500.00"))), false), null);
        long invoiceId = jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ?").param(code + "-1").query(Long.class).single();
        jdbc.sql("INSERT INTO invoice_dispute (invoice_id, opened_on, reason, opened_by, created_at, amount) VALUES (?, ?, '数量不符', 'x', ?, 100.00)")
                .params(invoiceId, LocalDate.of(2026, 6, 25), ts(LocalDateTime.of(2026, 6, 25, 11, 0))).update();
        jdbc.sql("""
                INSERT INTO outbox_message (idempotency_key, channel, customer_id, recipient, subject, body_text, status, attempts,
                                            next_attempt_at, created_by, created_at)
                VALUES (?, 'EMAIL', ?, 'ap@example.com', '付款提醒', 'x', 'SENT', 1, ?, 'system', ?)""")
                .params("tl-" + token, customerId, ts(LocalDateTime.of(2026, 6, 27, 9, 0)), ts(LocalDateTime.of(2026, 6, 27, 9, 0))).update();
        jdbc.sql("""
                INSERT INTO promise (customer_id, amount, made_on, promised_date, status, paid_amount, created_by, created_at)
                VALUES (?, 2000.00, ?, ?, 'OPEN', 0, ?, ?)""")
                .params(customerId, LocalDate.of(2026, 6, 28), LocalDate.of(2026, 7, 5), collector, ts(LocalDateTime.of(2026, 6, 28, 9, 0)))
                .update();
        activity(LocalDateTime.of(2026, 6, 29, 15, 0), "INBOUND", "客户来电说下周付款");
    }

    @Test
    void theHeaderShowsThePromiseInForceTheSegmentAndTheCreditLimitExceeded() throws Exception {
        String page = html(get("/customers/" + code).param("lang", "zh-CN"), asCollector());
        assertThat(page).contains("id=\"over-limit\"", "超出信用额度：应收余额 4,120,000.00，信用额度 1,900,000.00，超出 2,220,000.00。",
                "hx-get=\"/customers/" + code + "/header-facts\"", "hx-get=\"/customers/" + code + "/timeline\"",
                "hx-get=\"/customers/" + code + "/promises\"");
        String facts = html(get("/customers/" + code + "/header-facts").param("lang", "zh-CN"), asCollector());
        assertThat(facts).contains("2,000.00，承诺于 2026-07-05 付款", "尚未分群");
        jdbc.sql("INSERT INTO customer_segment (customer_id, segment_code, as_of, run_id) VALUES (?, 'HIGH_RISK', ?, 0)")
                .params(customerId, LocalDate.of(2026, 6, 30)).update();
        assertThat(html(get("/customers/" + code + "/header-facts").param("lang", "zh-CN"), asCollector())).contains("高风险", "高风险·从严",
                "/strategies/FIRM");
        assertThat(html(get("/customers/" + code + "/header-facts").param("lang", "en"), asCollector())).contains("High risk (firm)",
                "Promise in force:", "2,000.00, promised by 2026-07-05");
        String en = html(get("/customers/" + code).param("lang", "en"), asCollector());
        assertThat(en).contains("Over the credit limit: balance 4,120,000.00, credit limit 1,900,000.00, over by 2,220,000.00.");
    }

    @Test
    void noWarningWithinTheLimit() throws Exception {
        jdbc.sql("UPDATE customer SET credit_limit = 5000000 WHERE id = ?").param(customerId).update();
        assertThat(html(get("/customers/" + code), asCollector())).doesNotContain("id=\"over-limit\"");
    }

    @Test
    void oneStreamNewestFirstWithEveryKind() throws Exception {
        String t = html(get("/customers/" + code + "/timeline").param("lang", "zh-CN"), asCollector());
        int activity = t.indexOf("客户来电说下周付款");
        int promise = t.indexOf("承诺付款 2,000.00，于 2026-07-05 前");
        int message = t.indexOf("发送给 ap@example.com");
        int dispute = t.indexOf("发票 " + code + "-1 提出争议");
        int payment = t.indexOf("收款 500.00（" + code + "-P）");
        int history = t.indexOf("data-kind=\"HISTORY\"");
        assertThat(List.of(history, activity, promise, message, dispute, payment)).allMatch(i -> i > 0);
        assertThat(history).isLessThan(activity);
        assertThat(activity).isLessThan(promise);
        assertThat(promise).isLessThan(message);
        assertThat(message).isLessThan(dispute);
        assertThat(dispute).isLessThan(payment);
        assertThat(t).contains("data-direction=\"INBOUND\"", "客户来电/来访", "2026-06-29 15:00", "银行转账", "已发送", "未到期", "id=\"timeline-kind-PAYMENT\"");
    }

    @Test
    void filteredByKind() throws Exception {
        activity(LocalDateTime.of(2026, 6, 30, 9, 0), "OUTBOUND", "去电催收");
        String t = html(get("/customers/" + code + "/timeline").param("kind", "ACTIVITY").param("lang", "zh-CN"), asCollector());
        assertThat(t).contains("data-kind=\"ACTIVITY\"", "data-direction=\"OUTBOUND\"", "我方联系客户", "data-direction=\"INBOUND\"")
                .doesNotContain("data-kind=\"PAYMENT\"", "data-kind=\"HISTORY\"", "data-kind=\"PROMISE\"");
        assertThat(t.indexOf("去电催收")).isLessThan(t.indexOf("客户来电说下周付款"));
        String payments = html(get("/customers/" + code + "/timeline").param("kind", "payment").param("lang", "en"), asCollector());
        assertThat(payments).contains("Payment 500.00 (" + code + "-P)", "Bank transfer").doesNotContain("data-kind=\"ACTIVITY\"");
        String bad = html(get("/customers/" + code + "/timeline").param("kind", "CALLS").param("lang", "zh-CN"), asCollector());
        assertThat(bad).contains("没有“CALLS”这种类型，已显示全部记录。", "data-kind=\"ACTIVITY\"", "data-kind=\"PAYMENT\"");
    }

    @Test
    void loadMoreBringsTheOlderEntries() throws Exception {
        for (int i = 0; i < 25; i++) {
            activity(LocalDateTime.of(2026, 5, 1, 9, 0).plusHours(i), "OUTBOUND", "第 " + i + " 次");
        }
        String first = html(get("/customers/" + code + "/timeline").param("kind", "ACTIVITY"), asCollector());
        assertThat(count(first, "data-kind=\"ACTIVITY\"")).isEqualTo(20);
        assertThat(first).contains("id=\"timeline-more\"", "offset=20", "more=true");
        String more = html(get("/customers/" + code + "/timeline").param("kind", "ACTIVITY").param("offset", "20").param("more", "true"),
                asCollector());
        assertThat(count(more, "data-kind=\"ACTIVITY\"")).isEqualTo(6);
        assertThat(more).contains("第 0 次").doesNotContain("id=\"timeline-more\"").doesNotContain("timeline-filter");
    }

    @Test
    void onlyForAUserWhoMaySeeTheCustomer() throws Exception {
        mvc.perform(get("/customers/" + code + "/timeline").with(user("tl-other").roles(Role.COLLECTOR.name()))).andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + code + "/header-facts").with(user("tl-other").roles(Role.COLLECTOR.name())))
                .andExpect(status().isNotFound());
    }

    private void activity(LocalDateTime at, String direction, String notes) {
        jdbc.sql("""
                INSERT INTO activity (customer_id, channel, occurred_at, outcome, notes, recorded_by, recorded_at, direction)
                VALUES (?, 'PHONE', ?, 'REACHED', ?, ?, ?, ?)""")
                .params(customerId, ts(at), notes, collector, ts(at), direction).update();
    }

    private static int count(String html, String what) {
        int n = 0;
        for (int at = html.indexOf(what); at >= 0; at = html.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    private static Timestamp ts(LocalDateTime at) {
        return Timestamp.from(at.atZone(ZONE).toInstant());
    }

    private UserRequestPostProcessor asCollector() {
        return user(collector).roles(Role.COLLECTOR.name());
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, UserRequestPostProcessor who)
            throws Exception {
        return mvc.perform(req.with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
