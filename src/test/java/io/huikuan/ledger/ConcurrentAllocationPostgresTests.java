package io.huikuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.PostgresSupport;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Payments posted at the same moment never allocate more than an invoice's open balance, and a
 * burst of postings far larger than the connection pool all succeed (no request ever needs a
 * second connection while holding one, so they cannot wait on each other until the pool times out).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

    private final UserDirectory users;
    private final HikariDataSource pool;

    @LocalServerPort
    private int port;

    @Autowired
    ConcurrentAllocationPostgresTests(CustomerService customers, InvoiceService invoices, PaymentService payments, JdbcClient jdbc,
            UserDirectory users, DataSource dataSource) {
        this.pool = (HikariDataSource) dataSource;
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.jdbc = jdbc;
        this.users = users;
    }

    @Test
    void aHundredPaymentsPostedAtOnceOverHttpAllSucceedWithExactBalances() throws Exception {
        int n = 100;
        Api.user(users, "burstfinance", Role.FINANCE);
        for (int i = 0; i < n; i++) {
            String code = "BURST" + i;
            customers.create(new Customer(code, "并发客户" + i, null, null, null, null, null, null, null, null, List.of()), null);
            invoices.create(new Invoice(code + "-1", code, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                    new BigDecimal("1000.00"), null, null, null, null), null);
        }
        long versionBefore = jdbc.sql("SELECT version FROM ledger_version WHERE id = 1").query(Long.class).single();
        assertThat(n).as("far more requests than pooled connections").isGreaterThan(10 * pool.getMaximumPoolSize());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("burstfinance:burstfinance".getBytes(StandardCharsets.UTF_8));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String body = """
                        {"paymentRef":"BURST-P%d","customerCode":"BURST%d","paymentDate":"2026-06-01","amount":%d.25}""".formatted(i, i, 100 + i);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payments"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, clients));
            }
            start.countDown();
            for (CompletableFuture<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get(90, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
        }

        for (int i = 0; i < n; i++) {
            BigDecimal open = jdbc.sql("SELECT open_amount FROM balance_period WHERE invoice_id = (SELECT id FROM invoice WHERE invoice_no = ?) "
                    + "AND valid_to IS NULL").param("BURST" + i + "-1").query(BigDecimal.class).single();
            assertThat(open).as("open balance of BURST%d-1", i).isEqualByComparingTo(new BigDecimal(1000 - 100 - i).subtract(new BigDecimal("0.25")));
        }
        assertThat(jdbc.sql("SELECT sum(a.amount) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.payment_ref LIKE 'BURST-P%'")
                .query(BigDecimal.class).single()).isEqualByComparingTo(new BigDecimal(n * 100 + n * (n - 1) / 2).add(new BigDecimal("25.00")));
        // every committed posting told the caches of derived figures, after its commit
        assertThat(jdbc.sql("SELECT version FROM ledger_version WHERE id = 1").query(Long.class).single()).isGreaterThanOrEqualTo(versionBefore + n);
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
