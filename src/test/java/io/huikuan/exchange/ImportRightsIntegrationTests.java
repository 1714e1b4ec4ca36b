package io.huikuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Imports follow the rights of the single-row APIs: a collector may not post payments or change
 * invoices one by one, so not through a file either (API, dry runs and the import page alike);
 * finance may. Customers stay importable by collectors, as the customer API allows them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportRightsIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerQueries ledger;

    String p;
    String customer;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "collector1", Role.COLLECTOR);
        p = "R" + SEQ.incrementAndGet() + "-";
        customer = p + "C1";
        assertThat(upload("customers", "admin", "customer_code,name,owner\n" + customer + ",苏州恒达精密机械有限公司,collector1\n").getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(upload("invoices", "finance", "invoice_no,customer_code,issue_date,due_date,amount\n" + p
                + "INV-1," + customer + ",2026-09-03,2026-10-03,1000.00\n").getResponse().getStatus()).isEqualTo(200);
    }

    MvcResult upload(String kind, String username, String csv, String... params) throws Exception {
        var req = multipart("/api/imports/" + kind)
                .file(new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req.with(httpBasic(username, username))).andReturn();
    }

    String payments() {
        return "payment_ref,customer_code,payment_date,amount\n" + p + "PAY-1," + customer + ",2026-11-01,999999.00\n";
    }

    String movedDueDate() {
        return "invoice_no,customer_code,issue_date,due_date,amount\n" + p + "INV-1," + customer + ",2026-09-03,2030-12-31,1000.00\n";
    }

    long payments(String prefix) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE payment_ref LIKE ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void aCollectorCannotImportPaymentsOrInvoicesThroughTheApiNotEvenAsADryRun() throws Exception {
        for (String dryRun : new String[] {"false", "true"}) {
            MvcResult pay = upload("payments", "collector1", payments(), "dryRun", dryRun);
            assertThat(pay.getResponse().getStatus()).isEqualTo(403);
            assertThat(pay.getResponse().getContentType()).contains("json");
            assertThat(pay.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("may not import payments");

            MvcResult inv = upload("invoices", "collector1", movedDueDate(), "dryRun", dryRun);
            assertThat(inv.getResponse().getStatus()).isEqualTo(403);
            assertThat(inv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("may not import invoices");
        }
        assertThat(payments(p)).isZero();
        var invoice = ledger.invoice(p + "INV-1").orElseThrow();
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(invoice.open()).isEqualByComparingTo("1000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM import_batch WHERE actor = 'collector1' AND kind IN ('PAYMENTS', 'INVOICES')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void financeImportsTheSameFilesAndACollectorStillImportsOwnCustomers() throws Exception {
        MvcResult inv = upload("invoices", "finance", movedDueDate());
        assertThat(inv.getResponse().getStatus()).isEqualTo(200);
        assertThat(ledger.invoice(p + "INV-1").orElseThrow().dueDate()).isEqualTo(LocalDate.of(2030, 12, 31));
        MvcResult pay = upload("payments", "finance", payments());
        assertThat(pay.getResponse().getStatus()).isEqualTo(200);
        assertThat(payments(p)).isEqualTo(1);
        assertThat(ledger.invoice(p + "INV-1").orElseThrow().open()).isEqualByComparingTo("0.00");

        MvcResult own = upload("customers", "collector1", "customer_code,name\n" + p + "NEW,新客户有限公司\n");
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT owner FROM customer WHERE code = ?").param(p + "NEW").query(String.class).single()).isEqualTo("collector1");
        assertThat(upload("customers", "legal", "customer_code,name\n" + p + "L,法务导入\n").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theImportPageOffersACollectorOnlyCustomersAndRefusesAForbiddenKind() throws Exception {
        String page = mvc.perform(get("/import").with(user("collector1").roles("COLLECTOR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"kind-customers\"").doesNotContain("id=\"kind-payments\"").doesNotContain("id=\"kind-invoices\"")
                .contains("只能由财务和主管导入");
        String finance = mvc.perform(get("/import").with(user("finance").roles("FINANCE"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(finance).contains("id=\"kind-customers\"").contains("id=\"kind-payments\"").contains("id=\"kind-invoices\"");

        MvcResult posted = mvc.perform(multipart("/import")
                .file(new MockMultipartFile("file", "p.csv", "text/csv", payments().getBytes(StandardCharsets.UTF_8)))
                .param("kind", "payments").with(csrf()).with(user("collector1").roles("COLLECTOR"))).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(403);
        assertThat(payments(p)).isZero();
        assertThat(ledger.invoice(p + "INV-1").orElseThrow().open()).isEqualByComparingTo("1000.00");
    }
}
