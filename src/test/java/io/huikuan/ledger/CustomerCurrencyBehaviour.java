package io.huikuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.correspondence.Documents;
import io.huikuan.correspondence.Statement;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, item 15 (the customer side): a customer owing 1,000.00 CNY (overdue) and 1,150.00 USD (200.00 overdue,
 * 950.00 not due) with a credit limit of 1,500.00 CNY. Its list row, header, account API, letter preview and statement
 * give each currency apart and never the sums 2,150.00 (open) or 1,200.00 (overdue); the credit limit is compared
 * with the CNY balance only. Today is 2026-06-30; the customers belong to their own collector.
 */
@AutoConfigureMockMvc
abstract class CustomerCurrencyBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    Documents documents;

    @BeforeEach
    void users() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "cc-col", Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    void invoice(String no, String customer, String due, String amount, String currency) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"2026-04-01","dueDate":"%s","amount":%s,"currency":"%s"}"""
                .formatted(no, customer, due, amount, currency)).andExpect(status().isCreated());
    }

    /** CC-1 in CNY and USD, CC-2 in USD only; created once (the context is shared). */
    void ledger() throws Exception {
        if (call(get("/api/customers/CC-1/account"), "cc-col", null).andReturn().getResponse().getStatus() == 200) {
            return;
        }
        call(post("/api/customers"), "admin", """
                {"code":"CC-1","name":"双币客户","owner":"cc-col","creditLimit":1500}""").andExpect(status().isCreated());
        call(post("/api/customers"), "admin", """
                {"code":"CC-2","name":"美元客户","owner":"cc-col"}""").andExpect(status().isCreated());
        invoice("CC-CNY-1", "CC-1", "2026-05-01", "1000.00", "CNY");
        invoice("CC-USD-1", "CC-1", "2026-05-01", "300.00", "USD");
        invoice("CC-USD-2", "CC-1", "2026-07-15", "950.00", "USD");
        invoice("CC-USD-3", "CC-2", "2026-05-01", "50.00", "USD");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"CC-P-USD","customerCode":"CC-1","paymentDate":"2026-06-12","amount":100.00,"currency":"USD",
                 "allocations":[{"invoiceNo":"CC-USD-1","amount":100.00}]}""").andExpect(status().isCreated());
    }

    static JsonNode currency(JsonNode byCurrency, String currency) {
        for (JsonNode c : byCurrency) {
            if (currency.equals(c.get("currency").asString())) {
                return c;
            }
        }
        throw new AssertionError("no " + currency + " in " + byCurrency);
    }

    static JsonNode item(JsonNode page, String code) {
        for (JsonNode c : page.get("items")) {
            if (code.equals(c.get("code").asString())) {
                return c;
            }
        }
        throw new AssertionError("no " + code + " in " + page);
    }

    @Test
    void theListRowsGiveEachCurrencyApart() throws Exception {
        ledger();
        // by code (the page is chosen first), by balance and overdue only (balances in the statement): the same rows
        for (String query : new String[] {"/api/customers?q=CC-", "/api/customers?q=CC-&sort=overdue&desc=true",
                "/api/customers?q=CC-&overdueOnly=true"}) {
            JsonNode page = Api.json(call(get(query), "cc-col", null).andExpect(status().isOk()));
            assertThat(page.get("total").asLong()).as(query).isEqualTo(2);
            JsonNode both = item(page, "CC-1");
            assertThat(both.get("currency").asString()).isEqualTo("CNY");
            assertThat(both.get("openAmount").decimalValue()).as(query).isEqualByComparingTo("1000.00");
            assertThat(both.get("overdueAmount").decimalValue()).as(query).isEqualByComparingTo("1000.00");
            assertThat(both.get("openInvoices").asLong()).isEqualTo(1);
            assertThat(both.get("byCurrency")).hasSize(2);
            assertThat(both.get("byCurrency").get(0).get("currency").asString()).isEqualTo("CNY");
            JsonNode usd = currency(both.get("byCurrency"), "USD");
            assertThat(usd.get("openAmount").decimalValue()).as(query).isEqualByComparingTo("1150.00");
            assertThat(usd.get("overdueAmount").decimalValue()).isEqualByComparingTo("200.00");
            assertThat(usd.get("openInvoices").asLong()).isEqualTo(2);
            JsonNode dollars = item(page, "CC-2");
            assertThat(dollars.get("currency").asString()).isEqualTo("USD");
            assertThat(dollars.get("openAmount").decimalValue()).isEqualByComparingTo("50.00");
        }
        JsonNode byOverdue = Api.json(call(get("/api/customers?q=CC-&sort=overdue&desc=true"), "cc-col", null));
        assertThat(byOverdue.get("items").get(0).get("code").asString()).isEqualTo("CC-1");

        String html = page("/customers?q=CC-");
        assertThat(html).contains("CNY 1,000.00", "USD 1,150.00", "USD 200.00", "USD 50.00").doesNotContain("2,150.00", "1,200.00");
    }

    @Test
    void theCustomerExportKeepsOneRowPerCustomerWithTheOtherCurrenciesApart() throws Exception {
        ledger();
        var started = call(get("/api/exports/customers?format=csv&q=CC-"), "cc-col", null).andReturn();
        if (started.getRequest().isAsyncStarted()) {
            started = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started)).andReturn();
        }
        String csv = started.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        String[] lines = csv.strip().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).endsWith("open_amount,overdue_amount,open_invoices,unapplied,currency,other_currencies");
        assertThat(lines[1]).startsWith("CC-1,").contains(",1000.00,1000.00,1,0.00,CNY,USD open 1150.00 overdue 200.00 invoices 2 unapplied 0.00");
        assertThat(lines[2]).startsWith("CC-2,").endsWith(",50.00,50.00,1,0.00,USD,");
        assertThat(csv).doesNotContain("2150.00", "1200.00");
    }

    @Test
    void theHeaderAndAccountGiveEachCurrencyAndTheLimitIsComparedInCny() throws Exception {
        ledger();
        JsonNode account = Api.json(call(get("/api/customers/CC-1/account"), "cc-col", null).andExpect(status().isOk()));
        assertThat(account.get("currency").asString()).isEqualTo("CNY");
        assertThat(account.has("showsCurrency")).as("helpers are not part of the JSON").isFalse();
        assertThat(account.get("open").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(account.get("invoiced").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(account.get("overdue").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(account.get("paid").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode usd = currency(account.get("byCurrency"), "USD");
        assertThat(usd.get("invoiced").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(usd.get("open").decimalValue()).isEqualByComparingTo("1150.00");
        assertThat(usd.get("overdue").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(usd.get("notDue").decimalValue()).isEqualByComparingTo("950.00");
        assertThat(usd.get("paid").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(usd.get("openInvoices").asLong()).isEqualTo(2);

        String html = page("/customers/CC-1");
        assertThat(html).contains("id=\"account-currencies\"", "data-currency=\"USD\"", "1,150.00", "950.00")
                .doesNotContain("2,150.00", "1,200.00", "id=\"over-limit\"");
    }

    @Test
    void lettersGiveTotalsPerCurrency() throws Exception {
        ledger();
        byte[] pdf = mvc.perform(get("/api/customers/CC-1/letters/preview").param("kind", "PAYMENT_REMINDER")
                        .with(httpBasic("cc-col", "cc-col")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(d);
        }
        // the total names each currency; the table gives each invoice's currency and one total line per currency
        assertThat(text).contains("人民币1,000.00元；", "USD 200.00", "币种", "CC-USD-1 2026年4月1日 2026年5月1日 USD 300.00 200.00",
                "合计 CNY 1,000.00", "合计 USD 200.00").doesNotContain("1,200.00", "2,150.00");
    }

    @Test
    void theStatementHasOneSectionPerCurrency() throws Exception {
        ledger();
        Statement s = documents.statement("CC-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertThat(s.currency()).isEqualTo("CNY");
        assertThat(s.closing()).isEqualByComparingTo("1000.00");
        assertThat(s.lines()).extracting(Statement.Line::reference).containsExactly("CC-CNY-1");
        assertThat(s.others()).hasSize(1);
        Statement usd = s.others().getFirst();
        assertThat(usd.currency()).isEqualTo("USD");
        assertThat(usd.lines()).extracting(Statement.Line::reference).containsExactly("CC-USD-1", "CC-USD-2", "CC-P-USD");
        assertThat(usd.lines().getLast().balance()).isEqualByComparingTo("1150.00");
        assertThat(usd.invoiced()).isEqualByComparingTo("1250.00");
        assertThat(usd.paid()).isEqualByComparingTo("100.00");
        assertThat(usd.closing()).isEqualByComparingTo(new BigDecimal("1150.00"));

        // the PDF prints one section per currency, each with its own running balance, never a balance across them
        Documents.Document doc = documents.issueStatement("CC-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), Locale.SIMPLIFIED_CHINESE);
        String text;
        try (PDDocument d = Loader.loadPDF(documents.content(doc.id()).bytes())) {
            text = new PDFTextStripper().getText(d);
        }
        assertThat(text).contains("币种：CNY", "币种：USD", "CC-CNY-1", "CC-USD-1", "CC-P-USD", "期末余额：1,000.00", "期末余额：1,150.00")
                .doesNotContain("2,150.00");
        assertThat(text.indexOf("币种：CNY")).isLessThan(text.indexOf("CC-CNY-1"));
        assertThat(text.indexOf("币种：USD")).isBetween(text.indexOf("CC-CNY-1"), text.indexOf("CC-USD-1"));
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).locale(Locale.SIMPLIFIED_CHINESE).with(user("cc-col").roles(Role.COLLECTOR.name())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
