package io.huikuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.PostgresSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Payments posted at the same moment never allocate more than an invoice's open balance. */
@SpringBootTest
class ConcurrentAllocationPostgresTests {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final JdbcClient jdbc;

    @Autowired
    ConcurrentAllocationPostgresTests(CustomerService customers, InvoiceService invoices, PaymentService payments, JdbcClient jdbc) {
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.jdbc = jdbc;
    }

    @Test
    void eightPaymentsRacingForTwoInvoicesAllocateExactlyTheirTotal() throws Exception {
        customers.create(new Customer("RACE", "并发测试有限公司", null, null, null, null, null, null, null, null, List.of()), null);
        invoices.create(new Invoice("RACE-1", "RACE", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), new BigDecimal("1000.00"), null, null, null, null), null);
        invoices.create(new Invoice("RACE-2", "RACE", null, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 1), new BigDecimal("500.00"), null, null, null, null), null);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Payment>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String ref = "RACE-P" + i;
            results.add(pool.submit(() -> payments.post(new PaymentRequest(ref, "RACE", LocalDate.of(2026, 6, 1), new BigDecimal("300.00"),
                    null, PaymentMethod.BANK_TRANSFER, null, List.of(), true), null)));
        }
        BigDecimal unapplied = BigDecimal.ZERO;
        for (Future<Payment> f : results) {
            unapplied = unapplied.add(f.get().unapplied());
        }
        pool.shutdown();

        BigDecimal allocated = jdbc.sql("SELECT sum(amount) FROM allocation").query(BigDecimal.class).single();
        assertThat(allocated).isEqualByComparingTo("1500.00");
        assertThat(unapplied).isEqualByComparingTo("900.00");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM invoice i WHERE i.amount < (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id)""")
                .query(Long.class).single()).isZero();
    }
}
