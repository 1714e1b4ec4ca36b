package io.huikuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The ledger as an API client sees it: balances derived exactly, allocation rules, adjustments,
 * history, roles and portfolios, bad input. Run on H2 and on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class LedgerApiBehaviour {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    String c1;
    String c2;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "collector1", Role.COLLECTOR);
        Api.user(users, "collector2", Role.COLLECTOR);
        int n = SEQ.incrementAndGet();
        c1 = "C1-" + n;
        c2 = "C2-" + n;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"苏州恒达精密机械有限公司","owner":"collector1","region":"华东","creditLimit":500000,"creditDays":60,"grade":"B"}"""
                .formatted(c1)).andExpect(status().isCreated());
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"深圳华信电子有限公司","owner":"collector2","region":"华南"}""".formatted(c2))
                .andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        if (json != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(req.with(httpBasic(user, user)));
    }

    ResultActions get(String path, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(httpBasic(user, user)));
    }

    void invoice(String no, String customer, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, customer, issue, due, amount)).andExpect(status().isCreated());
    }

    @Test
    void paymentIsAllocatedOldestDueFirstAndUnappliedCashStaysVisible() throws Exception {
        invoice("A-" + c1, c1, "2026-03-01", "2026-04-30", "1000.00");
        invoice("B-" + c1, c1, "2026-01-01", "2026-02-28", "600.50");
        invoice("C-" + c1, c1, "2026-06-01", "2026-07-31", "300.00");

        call(post("/api/payments"), "finance", """
                {"paymentRef":"P-%s","customerCode":"%s","paymentDate":"2026-06-15","amount":1200.25,"method":"BANK_ACCEPTANCE_DRAFT"}"""
                .formatted(c1, c1))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations[0].invoiceNo").value("B-" + c1))
                .andExpect(jsonPath("$.allocations[0].amount").value(600.50))
                .andExpect(jsonPath("$.allocations[1].invoiceNo").value("A-" + c1))
                .andExpect(jsonPath("$.allocations[1].amount").value(599.75))
                .andExpect(jsonPath("$.unapplied").value(0.00));

        get("/api/invoices/A-" + c1, "finance")
                .andExpect(jsonPath("$.open").value(400.25))
                .andExpect(jsonPath("$.status").value("OVERDUE"))
                .andExpect(jsonPath("$.daysOverdue").value(61));
        for (String sort : new String[] {"name", "overdue"}) {
            get("/api/customers?q=" + c1 + "&sort=" + sort, "finance")
                    .andExpect(jsonPath("$.items[0].openAmount").value(700.25))
                    .andExpect(jsonPath("$.items[0].overdueAmount").value(400.25))
                    .andExpect(jsonPath("$.items[0].openInvoices").value(2));
        }
        get("/api/customers/" + c1 + "/account", "finance")
                .andExpect(jsonPath("$.invoiced").value(1900.50))
                .andExpect(jsonPath("$.open").value(700.25))
                .andExpect(jsonPath("$.overdue").value(400.25))
                .andExpect(jsonPath("$.notDue").value(300.00));

        // more cash than is owed: the rest stays unapplied and visible
        call(post("/api/payments"), "finance", """
                {"paymentRef":"Q-%s","customerCode":"%s","paymentDate":"2026-06-20","amount":1000}""".formatted(c1, c1))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unapplied").value(299.75));
        get("/api/customers/" + c1 + "/account", "finance")
                .andExpect(jsonPath("$.open").value(0.00))
                .andExpect(jsonPath("$.unapplied").value(299.75));
        get("/api/customers?q=" + c1, "finance")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].openAmount").value(0.00))
                .andExpect(jsonPath("$.items[0].unapplied").value(299.75));
        // ordering by a balance takes the other query path: the same figures
        get("/api/customers?q=" + c1 + "&sort=open&desc=true", "finance")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].openAmount").value(0.00))
                .andExpect(jsonPath("$.items[0].unapplied").value(299.75));
    }

    @Test
    void manualAllocationIsPartialAndOverAllocationIsRefusedNamingTheInvoice() throws Exception {
        invoice("M1-" + c1, c1, "2026-05-01", "2026-05-31", "500.00");
        invoice("M2-" + c1, c1, "2026-05-02", "2026-06-30", "800.00");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"MP-%s","customerCode":"%s","paymentDate":"2026-06-10","amount":700,"autoAllocate":false}"""
                .formatted(c1, c1))
                .andExpect(jsonPath("$.unapplied").value(700.00));

        call(post("/api/payments/MP-" + c1 + "/allocations"), "finance", """
                [{"invoiceNo":"M1-%s","amount":600}]""".formatted(c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("allocations"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("over-allocation")));
        call(post("/api/payments/MP-" + c1 + "/allocations"), "finance", """
                [{"invoiceNo":"M1-%s","amount":500},{"invoiceNo":"M2-%s","amount":250}]""".formatted(c1, c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("unapplied amount 700.00")));
        // nothing was written by the refused requests
        get("/api/payments/MP-" + c1, "finance").andExpect(jsonPath("$.unapplied").value(700.00));

        call(post("/api/payments/MP-" + c1 + "/allocations"), "finance", """
                [{"invoiceNo":"M2-%s","amount":250.10}]""".formatted(c1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unapplied").value(449.90));
        get("/api/invoices/M2-" + c1, "finance").andExpect(jsonPath("$.open").value(549.90));
        get("/api/invoices/M1-" + c1, "finance").andExpect(jsonPath("$.open").value(500.00));
        // lists that do and do not filter or order by balances derive them the same way
        for (String query : new String[] {"", "&status=open", "&sort=open"}) {
            get("/api/invoices?customer=" + c1 + "&q=M2-" + query, "finance")
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].paid").value(250.10))
                    .andExpect(jsonPath("$.items[0].open").value(549.90));
        }
        for (String query : new String[] {"", "&unappliedOnly=true", "&sort=unapplied"}) {
            get("/api/payments?customer=" + c1 + query, "finance")
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].applied").value(250.10))
                    .andExpect(jsonPath("$.items[0].unapplied").value(449.90));
        }

        call(post("/api/payments/MP-" + c1 + "/allocations?auto=true"), "finance", null)
                .andExpect(jsonPath("$.unapplied").value(0.00));
        get("/api/invoices/M1-" + c1, "finance").andExpect(jsonPath("$.open").value(50.10));
        get("/api/invoices/M1-" + c1 + "/allocations", "finance").andExpect(jsonPath("$[0].paymentRef").value("MP-" + c1));

        // an invoice of another customer is not this payment's to pay
        invoice("X-" + c2, c2, "2026-05-01", "2026-05-31", "100.00");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"XP-%s","customerCode":"%s","paymentDate":"2026-06-10","amount":50,"allocations":[{"invoiceNo":"X-%s","amount":50}]}"""
                .formatted(c1, c1, c2))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("allocations[0].invoiceNo"));
        get("/api/payments/XP-" + c1, "finance").andExpect(status().isNotFound());
    }

    @Test
    void aPaymentIsNeverAllocatedToAnInvoiceInAnotherCurrency() throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"USD-%s","customerCode":"%s","issueDate":"2026-01-01","dueDate":"2026-01-31","amount":100,"currency":"USD"}"""
                .formatted(c1, c1)).andExpect(status().isCreated());
        invoice("CNY-" + c1, c1, "2026-03-01", "2026-03-31", "80.00");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"FX-%s","customerCode":"%s","paymentDate":"2026-06-10","amount":100}""".formatted(c1, c1))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations.length()").value(1))
                .andExpect(jsonPath("$.allocations[0].invoiceNo").value("CNY-" + c1))
                .andExpect(jsonPath("$.unapplied").value(20.00));
        call(post("/api/payments/FX-" + c1 + "/allocations"), "finance", """
                [{"invoiceNo":"USD-%s","amount":20}]""".formatted(c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("allocations[0].invoiceNo"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("USD")));
        get("/api/invoices/USD-" + c1, "finance").andExpect(jsonPath("$.open").value(100.00));
    }

    @Test
    void creditNotesAndWriteOffsReduceTheBalanceWithinLimitsAndRoles() throws Exception {
        invoice("W-" + c1, c1, "2025-01-01", "2025-02-28", "1000.00");
        call(post("/api/invoices/W-" + c1 + "/credit-notes"), "finance", """
                {"creditNoteNo":"CN-%s","noteDate":"2026-06-01","amount":120.30,"reason":"质量折让"}""".formatted(c1))
                .andExpect(status().isCreated());
        call(post("/api/invoices/W-" + c1 + "/write-offs"), "collector1", """
                {"writeOffDate":"2026-06-30","amount":100,"reason":"uncollectible"}""")
                .andExpect(status().isForbidden());
        call(post("/api/invoices/W-" + c1 + "/write-offs"), "manager", """
                {"writeOffDate":"2026-06-30","amount":100}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/invoices/W-" + c1 + "/write-offs"), "manager", """
                {"writeOffDate":"2026-06-30","amount":880.00,"reason":"debtor dissolved"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("879.70")));
        call(post("/api/invoices/W-" + c1 + "/write-offs"), "manager", """
                {"writeOffDate":"2026-06-30","amount":879.70,"reason":"debtor dissolved"}""")
                .andExpect(status().isCreated());
        get("/api/invoices/W-" + c1, "finance")
                .andExpect(jsonPath("$.credited").value(120.30))
                .andExpect(jsonPath("$.writtenOff").value(879.70))
                .andExpect(jsonPath("$.open").value(0.00))
                .andExpect(jsonPath("$.status").value("PAID"));
    }

    @Test
    void everyChangeIsInTheAppendOnlyHistory() throws Exception {
        invoice("H-" + c1, c1, "2026-05-01", "2026-05-31", "100.00");
        call(put("/api/invoices/H-" + c1 + "?reason=customer asked for a later date"), "finance", """
                {"customerCode":"%s","issueDate":"2026-05-01","dueDate":"2026-06-15","amount":100.00}""".formatted(c1))
                .andExpect(status().isOk());
        call(put("/api/invoices/H-" + c1 + "/classification"), "collector1", """
                {"cause":"PAPERWORK_PROCESS","nature":"SHORT_TERM","reason":"发票未寄到"}""")
                .andExpect(jsonPath("$.overdueCause").value("PAPERWORK_PROCESS"));

        get("/api/invoices/H-" + c1 + "/history", "finance")
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].action").value("CREATE"))
                .andExpect(jsonPath("$[0].actor").value("finance"))
                .andExpect(jsonPath("$[1].action").value("UPDATE"))
                .andExpect(jsonPath("$[1].reason").value("customer asked for a later date"))
                .andExpect(jsonPath("$[1].before").value(org.hamcrest.Matchers.containsString("2026-05-31")))
                .andExpect(jsonPath("$[1].after").value(org.hamcrest.Matchers.containsString("2026-06-15")))
                .andExpect(jsonPath("$[2].actor").value("collector1"));
        get("/api/customers/" + c1 + "/history", "collector1")
                .andExpect(jsonPath("$.items[0].entityType").value("INVOICE"))
                .andExpect(jsonPath("$.total").value(4));

        assertThatThrownBy(() -> jdbc.sql("UPDATE history SET actor = 'someone else'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM history").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM history WHERE customer_code = ?").param(c1).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aCollectorSeesAndChangesOnlyTheirOwnPortfolio() throws Exception {
        invoice("P1-" + c1, c1, "2026-05-01", "2026-05-31", "100.00");
        invoice("P2-" + c2, c2, "2026-05-01", "2026-05-31", "200.00");

        get("/api/customers/" + c1, "collector1").andExpect(status().isOk());
        get("/api/customers/" + c2, "collector1").andExpect(status().isNotFound());
        get("/api/customers/" + c2 + "/account", "collector1").andExpect(status().isNotFound());
        get("/api/invoices/P2-" + c2, "collector1").andExpect(status().isNotFound());
        get("/api/customers?size=1000", "collector1")
                .andExpect(jsonPath("$.items[*].owner").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("collector1"))));
        get("/api/invoices?customer=" + c2, "collector1").andExpect(jsonPath("$.total").value(0));
        call(put("/api/customers/" + c2), "collector1", """
                {"name":"改名"}""").andExpect(status().isNotFound());
        call(post("/api/customers/" + c2 + "/contacts"), "collector1", """
                {"name":"王会计","role":"FINANCE"}""").andExpect(status().isNotFound());
        call(put("/api/customers/" + c1), "collector1", """
                {"name":"苏州恒达精密机械有限公司","owner":"collector2"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        // the manager sees both
        get("/api/customers/" + c2, "manager").andExpect(status().isOk());
        get("/api/invoices/P2-" + c2, "legal").andExpect(status().isOk());
        // legal may not post payments
        call(post("/api/payments"), "legal", """
                {"paymentRef":"L-%s","customerCode":"%s","paymentDate":"2026-06-10","amount":50}""".formatted(c1, c1))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        call(post("/api/customers"), "admin", """
                {"code":"BAD-%s","name":"某公司","creditCode":"91350100M000100Y44"}""".formatted(c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        call(post("/api/customers"), "admin", """
                {"code":"OK-%s","name":"某公司","creditCode":"91350100M000100Y43"}""".formatted(c1))
                .andExpect(status().isCreated());
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"dup"}""".formatted(c1))
                .andExpect(status().isConflict());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"D-%s","customerCode":"%s","issueDate":"2026-05-10","dueDate":"2026-05-01","amount":10}""".formatted(c1, c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"N-%s","customerCode":"%s","issueDate":"2026-05-10","dueDate":"2026-06-01","amount":-5}""".formatted(c1, c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"T-%s","customerCode":"%s","issueDate":"2026-05-10","dueDate":"2026-06-01","amount":"lots"}""".formatted(c1, c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"U-%s","customerCode":"NOPE","issueDate":"2026-05-10","dueDate":"2026-06-01","amount":5}""".formatted(c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown customer"));
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"V-%s","customerCode":"%s","issueDate":"2026-13-10","dueDate":"2026-06-01","amount":5}""".formatted(c1, c1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("issueDate"));
        get("/api/invoices?dueFrom=yesterday", "finance")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueFrom"));
        get("/api/invoices/NO-SUCH", "finance").andExpect(status().isNotFound());
    }

    @Test
    void apiNeedsLoginOrATokenAndHealthDoesNot() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/customers"))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/customers").with(httpBasic("finance", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(status().isOk());
        String body = call(post("/api/tokens"), "collector1", "{\"name\":\"erp\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/customers/" + c1)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/customers/" + c2)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/customers/" + c1)
                        .header("Authorization", "Bearer hk_0000"))
                .andExpect(status().isUnauthorized());
        // the web UI is behind the login page
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/customers").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aPaidInvoiceCannotBeDeletedAndAnOpenOneNeedsAReason() throws Exception {
        invoice("R-" + c1, c1, "2026-05-01", "2026-05-31", "100.00");
        call(delete("/api/invoices/R-" + c1), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/payments"), "finance", """
                {"paymentRef":"RP-%s","customerCode":"%s","paymentDate":"2026-06-10","amount":10}""".formatted(c1, c1));
        call(delete("/api/invoices/R-" + c1 + "?reason=duplicate"), "finance", null).andExpect(status().isConflict());
        call(delete("/api/payments/RP-" + c1 + "?reason=wrong customer"), "finance", null).andExpect(status().isNoContent());
        call(delete("/api/invoices/R-" + c1 + "?reason=duplicate"), "finance", null).andExpect(status().isNoContent());
        get("/api/invoices/R-" + c1, "finance").andExpect(status().isNotFound());
        get("/api/customers/" + c1 + "/history", "finance")
                .andExpect(jsonPath("$.items[0].action").value("DELETE"))
                .andExpect(jsonPath("$.items[0].reason").value("duplicate"));
    }
}
