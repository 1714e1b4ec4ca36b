package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.History;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Correcting and deleting invoices and payments from the web UI, with the reason kept in the history. */
@SpringBootTest
@AutoConfigureMockMvc
class InvoiceEditPagesIntegrationTests {

    private final MockMvc mvc;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final History history;
    private final LedgerQueries queries;

    @Autowired
    InvoiceEditPagesIntegrationTests(MockMvc mvc, UserDirectory users, CustomerService customers, InvoiceService invoices,
            PaymentService payments, History history, LedgerQueries queries) {
        this.mvc = mvc;
        this.invoices = invoices;
        this.payments = payments;
        this.history = history;
        this.queries = queries;
        Api.user(users, "finance1", Role.FINANCE);
        Api.user(users, "collector1", Role.COLLECTOR);
        if (customers.findRef("ED1").isEmpty()) {
            customers.create(new Customer("ED1", "无锡测试有限公司", null, null, null, null, "collector1", null, null, null, List.of()), null);
        }
    }

    @Test
    void financeCorrectsADueDateAndTheHistoryKeepsTheReason() throws Exception {
        invoices.create(new Invoice("ED1-1", "ED1", null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), new BigDecimal("900.00"),
                null, null, null, null), null);
        mvc.perform(get("/invoices/ED1-1/edit").with(user("finance1").roles("FINANCE")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"2026-05-31\"")));
        mvc.perform(post("/invoices/ED1-1").with(user("finance1").roles("FINANCE")).with(csrf())
                        .param("customerCode", "ED1").param("issueDate", "2026-05-01").param("dueDate", "2026-04-01")
                        .param("amount", "900.00").param("currency", "CNY").param("reason", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("到期日早于开票日期 2026-05-01")));
        mvc.perform(post("/invoices/ED1-1").param("lang", "en").with(user("finance1").roles("FINANCE")).with(csrf())
                        .param("customerCode", "NOPE").param("issueDate", "2026-05-01").param("dueDate", "2026-05-31")
                        .param("amount", "900.00").param("currency", "CNY"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("unknown customer (or not in your portfolio)")));
        mvc.perform(post("/invoices/ED1-1").with(user("finance1").roles("FINANCE")).with(csrf())
                        .param("customerCode", "ED1").param("issueDate", "2026-05-01").param("dueDate", "2026-07-15")
                        .param("amount", "900.00").param("currency", "CNY").param("reason", "合同约定账期75天"))
                .andExpect(redirectedUrl("/invoices/ED1-1"));
        assertThat(queries.invoice("ED1-1").orElseThrow().dueDate()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(history.forEntity("INVOICE", "ED1-1")).last().satisfies(h -> assertThat(h.reason()).isEqualTo("合同约定账期75天"));

        mvc.perform(post("/invoices/ED1-1").with(user("collector1").roles("COLLECTOR")).with(csrf())
                        .param("customerCode", "ED1").param("issueDate", "2026-05-01").param("dueDate", "2026-09-15")
                        .param("amount", "1.00").param("currency", "CNY"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPaymentEnteredByMistakeIsDeletedAndThenItsInvoiceToo() throws Exception {
        invoices.create(new Invoice("ED1-2", "ED1", null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), new BigDecimal("500.00"),
                null, null, null, null), null);
        payments.post(new PaymentRequest("ED1-P", "ED1", LocalDate.of(2026, 6, 1), new BigDecimal("500.00"), null,
                PaymentMethod.CASH, null, List.of(new io.huikuan.ledger.Payment.Allocation("ED1-2", new BigDecimal("500.00"))), false), null);

        mvc.perform(post("/invoices/ED1-2/delete").param("reason", "重复录入").with(user("finance1").roles("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/invoices/ED1-2")).andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/payments/ED1-P/delete").with(user("finance1").roles("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/payments/ED1-P")).andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/payments/ED1-P/delete").param("reason", "录错客户").with(user("finance1").roles("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/customers/ED1"));
        assertThat(queries.invoice("ED1-2").orElseThrow().open()).isEqualByComparingTo("500.00");
        mvc.perform(post("/invoices/ED1-2/delete").param("reason", "重复录入").with(user("finance1").roles("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/customers/ED1"));
        assertThat(queries.invoice("ED1-2")).isEmpty();
        assertThat(history.forEntity("INVOICE", "ED1-2")).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo("DELETE");
            assertThat(h.reason()).isEqualTo("重复录入");
        });
    }

    @Test
    void aCollectorPutsAnInvoiceInDisputeAndResolvesItFromItsPage() throws Exception {
        invoices.create(new Invoice("ED1-D", "ED1", null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), new BigDecimal("500.00"),
                null, null, null, null), null);
        var collector = user("collector1").roles("COLLECTOR");
        mvc.perform(get("/invoices/ED1-D").with(collector)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dispute-form\"")))
                .andExpect(content().string(containsString("/invoices/ED1-D/disputes\"")));
        // the reason is required and named
        mvc.perform(post("/invoices/ED1-D/disputes").with(collector).with(csrf()).param("date", "2026-06-01").param("text", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("field-error")));
        mvc.perform(post("/invoices/ED1-D/disputes").with(collector).with(csrf()).param("date", "2026-06-01").param("text", "规格不符"))
                .andExpect(redirectedUrl("/invoices/ED1-D"));
        mvc.perform(get("/invoices/ED1-D").with(collector)).andExpect(status().isOk())
                .andExpect(content().string(containsString("争议中")))
                .andExpect(content().string(containsString("规格不符")))
                .andExpect(content().string(containsString("/invoices/ED1-D/disputes/resolve\"")));
        // resolving before it was opened is refused with the field named
        mvc.perform(post("/invoices/ED1-D/disputes/resolve").with(collector).with(csrf()).param("date", "2026-05-01").param("text", "ok"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能早于争议发起日")));
        mvc.perform(post("/invoices/ED1-D/disputes/resolve").with(collector).with(csrf()).param("date", "2026-06-10").param("text", "已换货"))
                .andExpect(redirectedUrl("/invoices/ED1-D"));
        mvc.perform(get("/invoices/ED1-D").with(collector)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已换货")))
                .andExpect(content().string(containsString("/invoices/ED1-D/disputes\"")));
        assertThat(history.forEntity("DISPUTE", "ED1-D")).hasSize(2);
    }
}
