package io.huikuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The overview's totals, aging split and top overdue customers, for one collector's portfolio (today is 2026-06-30). */
@SpringBootTest
class OverviewIntegrationTests {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    LedgerQueries queries;

    @Test
    void totalsBucketsAndTopOverdueAreExactForTheCollectorsPortfolio() {
        Api.user(users, "ovcollector", Role.COLLECTOR);
        for (String code : List.of("OV-A", "OV-B", "OV-C")) {
            customers.create(new Customer(code, code + " 有限公司", null, null, null, null, "ovcollector", null, null, null, List.of()), null);
        }
        invoice("OV-A1", "OV-A", "2026-05-31", "100.00");   // 30 days overdue
        invoice("OV-A2", "OV-A", "2026-05-30", "200.00");   // 31 days
        invoice("OV-B1", "OV-B", "2026-04-01", "1000.00");  // 90 days
        invoice("OV-B2", "OV-B", "2026-01-01", "50.00");    // 180 days
        invoice("OV-B3", "OV-B", "2025-12-31", "70.00");    // 181 days
        invoice("OV-C1", "OV-C", "2026-06-30", "400.00");   // due today: not overdue
        payments.post(new PaymentRequest("OV-P1", "OV-B", LocalDate.of(2026, 6, 1), new BigDecimal("20.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(new Payment.Allocation("OV-B3", new BigDecimal("20.00"))), false), null);
        payments.post(new PaymentRequest("OV-P2", "OV-C", LocalDate.of(2026, 6, 1), new BigDecimal("500.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(), false), null);

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ovcollector", null,
                List.of(new SimpleGrantedAuthority("ROLE_COLLECTOR"))));
        try {
            LedgerQueries.Overview o = queries.overview(10);
            assertThat(o.totals().customers()).isEqualTo(3);
            assertThat(o.totals().openInvoices()).isEqualTo(6);
            assertThat(o.totals().open()).isEqualByComparingTo("1800.00");
            assertThat(o.totals().overdue()).isEqualByComparingTo("1400.00");
            assertThat(o.totals().notDue()).isEqualByComparingTo("400.00");
            assertThat(o.totals().overdue1to30()).isEqualByComparingTo("100.00");
            assertThat(o.totals().overdue31to90()).isEqualByComparingTo("1200.00");
            assertThat(o.totals().overdue91to180()).isEqualByComparingTo("50.00");
            assertThat(o.totals().overdueOver180()).isEqualByComparingTo("50.00");
            assertThat(o.totals().unapplied()).isEqualByComparingTo("500.00");
            assertThat(o.topOverdue()).extracting(LedgerQueries.CustomerAccount::code).containsExactly("OV-B", "OV-A");
            assertThat(o.topOverdue().get(0).overdueAmount()).isEqualByComparingTo("1100.00");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void invoice(String no, String customer, String due, String amount) {
        LocalDate dueDate = LocalDate.parse(due);
        invoices.create(new Invoice(no, customer, null, dueDate.minusDays(30), dueDate, new BigDecimal(amount), null, null, null, null), null);
    }
}
