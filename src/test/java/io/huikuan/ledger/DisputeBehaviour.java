package io.huikuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Disputes on amounts of invoices (issue 13, item 6) as an API client and a user see them: a partial dispute in the
 * aging as of dates before, during and after it, several disputes on one invoice within its open amount, the outcomes
 * (a credit note posted only for CREDIT_NOTE), bad input named by field, roles, the dispute list with its ageing bands
 * and the page, the owner's reminder task, and an activity with outcome DISPUTE_RAISED opening one. Today is 2026-06-30.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class DisputeBehaviour {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    String p;
    String collector;
    String c;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        p = "DP" + RUN + "-" + SEQ.incrementAndGet();
        collector = "dpc-" + p.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        c = customer("C", collector);
    }

    @Test
    void aPartialDisputeIsShownApartAndOnlyItsAmountIsDisputedAsOfEachDate() throws Exception {
        invoice("I1", c, "2026-04-01", "2026-05-01", "1000.00");
        JsonNode d = Api.json(open("I1", """
                {"openedOn":"2026-06-01","reason":"批次 7 质量问题","amount":"400.00","category":"QUALITY","owner":"SALES","dueBy":"2026-06-20"}""")
                .andExpect(status().isCreated()));
        assertThat(d.get("id").asLong()).isPositive();
        assertThat(d.get("amount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(d.get("category").asString()).isEqualTo("QUALITY");
        assertThat(d.get("ownerFunction").asString()).isEqualTo("SALES");
        assertThat(d.get("owner").asString()).as("the answer names the owner as the request does").isEqualTo("SALES");
        assertThat(d.get("dueBy").asString()).isEqualTo("2026-06-20");
        assertThat(d.get("openedBy").asString()).isEqualTo(collector);

        // before the dispute: nothing disputed; during it: exactly its amount, the whole invoice still in its bucket
        assertThat(disputed("2026-05-31")).isEqualByComparingTo("0.00");
        JsonNode during = agingRow("2026-06-15");
        assertThat(during.get("disputed").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(during.get("total").decimalValue()).isEqualByComparingTo("1000.00");

        // a second dispute may join while both stay within the open amount; the rest is 600.00
        open("I1", """
                {"openedOn":"2026-06-10","reason":"数量短少","amount":"600.01","category":"QUANTITY"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("600.00")));
        open("I1", """
                {"openedOn":"2026-06-10","reason":"whole"}""").andExpect(status().isConflict());
        open("I1", """
                {"openedOn":"2026-06-10","reason":"数量短少","amount":"100.00","category":"QUANTITY"}""").andExpect(status().isCreated());
        assertThat(disputed("2026-06-09")).isEqualByComparingTo("400.00");
        assertThat(disputed("2026-06-15")).isEqualByComparingTo("500.00");

        // a payment leaves 300.00 open: the disputed figure is capped at the open amount
        payment("P1", c, "2026-06-20", "I1", "700.00");
        assertThat(disputed("2026-06-25")).isEqualByComparingTo("300.00");
        assertThat(agingRow("2026-06-25").get("total").decimalValue()).isEqualByComparingTo("300.00");

        // resolved: counted until the day before resolvedOn, not from it
        call(post("/api/disputes/" + d.get("id").asLong() + "/resolve"), collector, """
                {"resolvedOn":"2026-06-26","outcome":"WITHDRAWN"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("WITHDRAWN")).andExpect(jsonPath("$.resolvedBy").value(collector));
        assertThat(disputed("2026-06-25")).isEqualByComparingTo("300.00");
        assertThat(disputed("2026-06-26")).isEqualByComparingTo("100.00");
    }

    @Test
    void aCreditNoteOutcomePostsTheCreditNoteAndOtherOutcomesPostNothing() throws Exception {
        invoice("K1", c, "2026-04-01", "2026-05-01", "1000.00");
        long credit = Api.json(open("K1", """
                {"openedOn":"2026-06-01","reason":"价格差异","amount":"250.00","category":"PRICE","owner":"FINANCE"}""")).get("id").asLong();
        long rejected = Api.json(open("K1", """
                {"openedOn":"2026-06-02","reason":"质量","amount":"300.00","category":"QUALITY"}""")).get("id").asLong();
        long rebill = Api.json(open("K1", """
                {"openedOn":"2026-06-03","reason":"发票抬头错误","amount":"100.00","category":"TAX_INVOICE"}""")).get("id").asLong();

        String resolve = "/api/disputes/" + credit + "/resolve";
        call(post(resolve), "finance", """
                {"resolvedOn":"2026-06-10","outcome":"REFUND"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        call(post(resolve), "finance", """
                {"resolvedOn":"2026-06-10","outcome":"CREDIT_NOTE"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post(resolve), "finance", """
                {"resolvedOn":"2026-06-10","outcome":"CREDIT_NOTE","amount":"250.01"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post(resolve), "finance", """
                {"resolvedOn":"2026-05-31","outcome":"CREDIT_NOTE","amount":"200.00"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resolvedOn"));
        // a collector may resolve disputes but not issue credit notes: nothing is written
        call(post(resolve), collector, """
                {"resolvedOn":"2026-06-10","outcome":"CREDIT_NOTE","amount":"200.00"}""").andExpect(status().isForbidden());
        assertThat(creditNotes("K1")).isEmpty();
        call(post(resolve), "finance", """
                {"resolvedOn":"2026-06-10","outcome":"CREDIT_NOTE","amount":"200.00","note":"同意折让 200"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.creditNoteNo").value("DSP-" + credit))
                .andExpect(jsonPath("$.resolvedAmount").value(200.00));
        assertThat(creditNotes("K1")).containsExactly("DSP-" + credit);
        call(post(resolve), "finance", """
                {"resolvedOn":"2026-06-11","outcome":"REJECTED"}""").andExpect(status().isConflict());

        call(post("/api/disputes/" + rejected + "/resolve"), collector, """
                {"resolvedOn":"2026-06-12","outcome":"REJECTED","amount":"10.00"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/disputes/" + rejected + "/resolve"), collector, """
                {"resolvedOn":"2026-06-12","outcome":"REJECTED","note":"检验合格"}""").andExpect(status().isOk());
        call(post("/api/disputes/" + rebill + "/resolve"), collector, """
                {"resolvedOn":"2026-06-12","outcome":"REBILL","note":"重开发票 No. 88"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REBILL"));
        // only the credit note reduced the invoice
        assertThat(creditNotes("K1")).containsExactly("DSP-" + credit);
        JsonNode invoice = Api.json(call(get("/api/invoices/K1-" + p), collector, null).andExpect(status().isOk()));
        assertThat(invoice.get("open").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(disputed("2026-06-12")).isEqualByComparingTo("0.00");
        assertThat(disputed("2026-06-09")).isEqualByComparingTo("650.00");
        call(post("/api/disputes/999999999/resolve"), "finance", """
                {"outcome":"REJECTED"}""").andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        invoice("B1", c, "2026-04-01", "2026-05-01", "500.00");
        for (String[] bad : List.of(
                new String[] {"amount", "\"amount\":\"0\""},
                new String[] {"amount", "\"amount\":\"1.234\""},
                new String[] {"amount", "\"amount\":\"500.01\""},
                new String[] {"category", "\"category\":\"COLOUR\""},
                new String[] {"owner", "\"owner\":\"CEO\""},
                new String[] {"ownerUser", "\"ownerUser\":\"nobody-" + p + "\""},
                new String[] {"dueBy", "\"dueBy\":\"2026-05-31\""},
                new String[] {"openedOn", "\"openedOn\":\"2026-07-01\""})) {
            String opened = bad[0].equals("openedOn") ? "" : "\"openedOn\":\"2026-06-01\",";
            open("B1", "{" + opened + "\"reason\":\"x\"," + bad[1] + "}").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(bad[0]));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM invoice_dispute d JOIN invoice i ON i.id = d.invoice_id WHERE i.invoice_no = ?")
                .param("B1-" + p).query(Long.class).single()).isZero();
        // another collector neither sees nor disputes the invoice; an administrator may not open disputes
        String other = "dpo-" + p.toLowerCase();
        Api.user(users, other, Role.COLLECTOR);
        call(post("/api/invoices/B1-" + p + "/disputes"), other, "{\"reason\":\"x\"}").andExpect(status().isNotFound());
        call(get("/api/disputes?status=MAYBE"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(get("/api/disputes?category=COLOUR"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        call(get("/api/disputes?asOf=2026-13-01"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void theListFiltersAndAgesOpenDisputesAndThePageShowsThem() throws Exception {
        String c2 = customer("C2", collector);
        invoice("L1", c, "2026-03-01", "2026-04-01", "1000.00");
        invoice("L2", c2, "2026-03-01", "2026-04-01", "2000.00");
        open("L1", """
                {"openedOn":"2026-06-27","reason":"a","amount":"10.00","category":"QUALITY","owner":"QUALITY","dueBy":"2026-07-10"}""");
        open("L1", """
                {"openedOn":"2026-06-10","reason":"b","amount":"20.00","category":"PRICE","owner":"SALES","dueBy":"2026-06-20"}""");
        open("L2", """
                {"openedOn":"2026-05-15","reason":"c","amount":"30.00","category":"NOT_DELIVERED","owner":"LOGISTICS","ownerUser":"%s"}"""
                .formatted(collector));
        long resolved = Api.json(open("L2", """
                {"openedOn":"2026-04-15","reason":"d","amount":"40.00","category":"RECONCILIATION","owner":"FINANCE"}""")).get("id").asLong();
        call(post("/api/disputes/" + resolved + "/resolve"), collector, """
                {"resolvedOn":"2026-06-01","outcome":"REJECTED"}""").andExpect(status().isOk());

        JsonNode all = list("");
        assertThat(all.get("disputes")).hasSize(4);
        // as of today: 3 open: 3 days (0-7), 20 days (8-30), 46 days (31-60); the one resolved on 06-01 is not open
        assertThat(band(all, "0-7")).isEqualTo("1/10.00");
        assertThat(band(all, "8-30")).isEqualTo("1/20.00");
        assertThat(band(all, "31-60")).isEqualTo("1/30.00");
        assertThat(band(all, "60+")).isEqualTo("0/0.00");
        assertThat(all.get("open").asInt()).isEqualTo(3);
        assertThat(all.get("overdue").asInt()).isEqualTo(1);
        assertThat(all.get("openAmount").decimalValue()).isEqualByComparingTo("60.00");
        // as of 2026-05-20 the one resolved later was open for 35 days, the one from 05-15 for 5; later ones did not exist
        JsonNode may = list("asOf=2026-05-20");
        assertThat(may.get("disputes")).hasSize(2);
        assertThat(band(may, "0-7")).isEqualTo("1/30.00");
        assertThat(band(may, "31-60")).isEqualTo("1/40.00");

        assertThat(reasons(list("status=RESOLVED"))).containsExactly("d");
        assertThat(reasons(list("status=open"))).containsExactly("a", "b", "c");
        assertThat(reasons(list("category=PRICE"))).containsExactly("b");
        assertThat(reasons(list("owner=LOGISTICS"))).containsExactly("c");
        assertThat(reasons(list("owner=" + collector))).containsExactly("c");
        assertThat(reasons(list("customer=" + c2))).containsExactly("c", "d");
        JsonNode line = list("category=PRICE").get("disputes").get(0);
        assertThat(line.get("overdue").asBoolean()).isTrue();
        assertThat(line.get("daysOpen").asInt()).isEqualTo(20);
        assertThat(line.get("dispute").get("invoiceNo").asString()).isEqualTo("L1-" + p);

        // a collector sees only disputes of their own customers
        String other = "dpo-" + p.toLowerCase();
        Api.user(users, other, Role.COLLECTOR);
        assertThat(Api.json(call(get("/api/disputes?customer=" + c), other, null).andExpect(status().isOk())).get("disputes")).isEmpty();
        call(get("/api/disputes"), null, null);

        String en = page("/disputes?customer=" + c2, "en");
        assertThat(en).contains("id=\"nav-disputes\"", "Ageing of open disputes", "Not delivered", "Reconciliation difference",
                "href=\"/invoices/L2-" + p + "\"", "href=\"/customers/" + c2 + "\"", "Over 60 days");
        String zh = page("/disputes?status=OPEN&customer=" + c, "zh-CN");
        assertThat(zh).contains("争议账龄", "质量", "已过期限", "L1-" + p).doesNotContain("L2-" + p);
        assertThat(page("/disputes?status=MAYBE", "en")).contains("id=\"dispute-filter-error\"");

        // the same list as an XLSX file, read back: header in the user's language, one row per dispute, amounts as numbers
        byte[] file = mvc.perform(get("/disputes.xlsx?lang=en&customer=" + c2).with(httpBasic(collector, collector))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(file))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Customer");
            assertThat(rows.get(0).getCellText(4)).isEqualTo("Disputed amount");
            assertThat(rows.stream().skip(1).map(r -> r.getCellAsNumber(4).orElseThrow().setScale(2).toPlainString()).toList())
                    .containsExactlyInAnyOrder("30.00", "40.00");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(3)).toList()).containsExactlyInAnyOrder("Not delivered", "Reconciliation difference");
        }
        call(get("/disputes.xlsx?status=MAYBE"), collector, null).andExpect(status().isBadRequest());
    }

    @Test
    void aDueByDatePutsAReminderOnTheOwnersWorklistUntilTheDisputeIsResolved() throws Exception {
        String owner = "dpq-" + p.toLowerCase();
        Api.user(users, owner, Role.COLLECTOR);
        invoice("R1", c, "2026-04-01", "2026-05-01", "900.00");
        long withUser = Api.json(open("R1", """
                {"openedOn":"2026-06-01","reason":"a","amount":"100.00","category":"QUALITY","owner":"QUALITY","ownerUser":"%s","dueBy":"2026-06-15"}"""
                .formatted(owner))).get("id").asLong();
        long withFunction = Api.json(open("R1", """
                {"openedOn":"2026-06-01","reason":"b","amount":"200.00","category":"PRICE","owner":"SALES","dueBy":"2026-07-05"}""")).get("id").asLong();
        long without = Api.json(open("R1", """
                {"openedOn":"2026-06-01","reason":"c","amount":"50.00"}""")).get("id").asLong();
        String[] first = awaitTask(withUser, "OPEN");
        assertThat(first).containsExactly(owner, "2026-06-15", "OPEN");
        assertThat(awaitTask(withFunction, "OPEN")).containsExactly(collector, "2026-07-05", "OPEN");
        Thread.sleep(300);
        assertThat(task(without)).isNull();

        call(post("/api/disputes/" + withUser + "/resolve"), collector, """
                {"resolvedOn":"2026-06-20","outcome":"WITHDRAWN"}""").andExpect(status().isOk());
        assertThat(awaitTask(withUser, "CANCELLED")[2]).isEqualTo("CANCELLED");
        assertThat(task(withFunction)[2]).isEqualTo("OPEN");
    }

    @Test
    void anActivityWithOutcomeDisputeRaisedOpensADisputeOnTheOldestInvoicesUndisputedRest() throws Exception {
        invoice("A1", c, "2026-03-01", "2026-04-01", "300.00");
        invoice("A2", c, "2026-04-01", "2026-05-01", "500.00");
        open("A1", """
                {"openedOn":"2026-06-01","reason":"earlier","amount":"100.00"}""").andExpect(status().isCreated());
        call(post("/api/activities"), collector, """
                {"customerCode":"%s","channel":"PHONE","occurredAt":"2026-06-29T10:00:00+08:00","outcome":"DISPUTE_RAISED",
                 "excuse":"PRICE_DISPUTE","notes":"客户称单价与合同不符"}""".formatted(c)).andExpect(r -> assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201));
        JsonNode disputes = Api.json(call(get("/api/invoices/A1-" + p + "/disputes"), collector, null).andExpect(status().isOk()));
        assertThat(disputes).hasSize(2);
        JsonNode raised = disputes.get(0);
        assertThat(raised.get("amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(raised.get("category").asString()).isEqualTo("PRICE");
        assertThat(raised.get("openedOn").asString()).isEqualTo("2026-06-29");
        assertThat(raised.get("reason").asString()).contains("客户称单价与合同不符");
        // A1 is now wholly disputed: the next one goes to A2
        call(post("/api/activities"), collector, """
                {"customerCode":"%s","channel":"EMAIL","occurredAt":"2026-06-30T09:30:00+08:00","outcome":"DISPUTE_RAISED"}""".formatted(c))
                .andExpect(status().isCreated());
        JsonNode a2 = Api.json(call(get("/api/invoices/A2-" + p + "/disputes"), collector, null));
        assertThat(a2).hasSize(1);
        assertThat(a2.get(0).get("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(a2.get(0).get("category").asString()).isEqualTo("OTHER");
        assertThat(disputed("2026-06-30")).isEqualByComparingTo("800.00");
    }

    @Test
    void theInvoicePageOpensAPartialDisputeAndListsItsAmountAndCategory() throws Exception {
        invoice("W1", c, "2026-04-01", "2026-05-01", "800.00");
        String url = "/invoices/W1-" + p + "/disputes";
        String bad = mvc.perform(post(url + "?lang=en").with(httpBasic(collector, collector)).with(csrf())
                        .param("date", "2026-06-10").param("text", "外观划伤").param("amount", "900.00").param("category", "QUALITY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("id=\"dispute-form\"");
        assertThat(jdbc.sql("SELECT count(*) FROM invoice_dispute d JOIN invoice i ON i.id = d.invoice_id WHERE i.invoice_no = ?")
                .param("W1-" + p).query(Long.class).single()).isZero();
        mvc.perform(post(url).with(httpBasic(collector, collector)).with(csrf()).param("date", "2026-06-10").param("text", "外观划伤")
                .param("amount", "250.00").param("category", "QUALITY").param("owner", "QUALITY").param("dueBy", "2026-06-25"))
                .andExpect(status().is3xxRedirection());
        String en = page("/invoices/W1-" + p, "en");
        assertThat(en).contains("250.00", "Quality", "id=\"invoice-dispute-list\"");
        assertThat(disputed("2026-06-10")).isEqualByComparingTo("250.00");
    }

    // --- helpers

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        if (user == null) {
            return mvc.perform(req).andExpect(status().isUnauthorized());
        }
        return Api.call(mvc, req, user, json);
    }

    ResultActions open(String invoice, String json) throws Exception {
        return call(post("/api/invoices/" + invoice + "-" + p + "/disputes"), collector, json);
    }

    String customer(String suffix, String owner) throws Exception {
        String code = suffix + "-" + p;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"客户 %s","owner":"%s"}""".formatted(code, code, owner)).andExpect(status().isCreated());
        return code;
    }

    void invoice(String no, String customer, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, p, customer, issue, due, amount)).andExpect(status().isCreated());
    }

    void payment(String ref, String customer, String date, String invoice, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%1$s-%2$s","customerCode":"%3$s","paymentDate":"%4$s","amount":%5$s,
                 "allocations":[{"invoiceNo":"%6$s-%2$s","amount":%5$s}]}"""
                .formatted(ref, p, customer, date, amount, invoice)).andExpect(status().isCreated());
    }

    JsonNode agingRow(String asOf) throws Exception {
        JsonNode r = Api.json(call(get("/api/aging?asOf=" + asOf), collector, null).andExpect(status().isOk()));
        for (JsonNode row : r.get("rows")) {
            if (row.get("key").asString().equals(c)) {
                return row;
            }
        }
        throw new AssertionError("no row " + c + " in " + r);
    }

    BigDecimal disputed(String asOf) throws Exception {
        JsonNode r = Api.json(call(get("/api/aging?asOf=" + asOf), collector, null).andExpect(status().isOk()));
        for (JsonNode row : r.get("rows")) {
            if (row.get("key").asString().equals(c)) {
                return row.get("disputed").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    List<String> creditNotes(String invoice) throws Exception {
        JsonNode notes = Api.json(call(get("/api/invoices/" + invoice + "-" + p + "/credit-notes"), "finance", null).andExpect(status().isOk()));
        return notes.valueStream().map(n -> n.get("creditNoteNo").asString()).toList();
    }

    JsonNode list(String query) throws Exception {
        // this test's customers only: the collector's portfolio holds nothing else
        return Api.json(call(get("/api/disputes?" + query), collector, null).andExpect(status().isOk()));
    }

    static String band(JsonNode listing, String band) {
        for (JsonNode b : listing.get("bands")) {
            if (b.get("band").asString().equals(band)) {
                return b.get("count").asInt() + "/" + b.get("amount").decimalValue().setScale(2).toPlainString();
            }
        }
        throw new AssertionError("no band " + band);
    }

    static List<String> reasons(JsonNode listing) {
        return listing.get("disputes").valueStream().map(l -> l.get("dispute").get("reason").asString()).sorted().toList();
    }

    String page(String path, String lang) throws Exception {
        return mvc.perform(get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).with(httpBasic(collector, collector))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The reminder task of a dispute: assignee, due date, status; null when there is none. */
    String[] task(long disputeId) {
        return jdbc.sql("SELECT assignee, due_date, status FROM collection_task WHERE task_key = ?").param("DSP:" + disputeId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getDate(2).toLocalDate().toString(), rs.getString(3)}).optional().orElse(null);
    }

    /** The task once the listener (after commit, asynchronous) has written it with {@code status}. */
    String[] awaitTask(long disputeId, String status) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String[] t = task(disputeId);
            if (t != null && t[2].equals(status)) {
                return t;
            }
            Thread.sleep(100);
        }
        return task(disputeId);
    }
}
