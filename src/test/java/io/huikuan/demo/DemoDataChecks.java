package io.huikuan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.CustomerAccount;
import io.huikuan.ledger.LedgerQueries.CustomerFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The behaviours of the demo data and the generator, run on H2 and on PostgreSQL by the subclasses. */
abstract class DemoDataChecks {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LedgerQueries ledger;
    @Autowired
    CustomerService customers;
    @Autowired
    DemoData demo;
    @Autowired
    StartupBanner banner;
    @Autowired
    PortfolioLoader loader;
    @Autowired
    io.huikuan.identity.UserDirectory users;
    @Autowired
    org.springframework.core.env.Environment env;
    @Autowired
    java.time.Clock clock;

    @Test
    void demoUsersCanLogInWithTheirDemoPasswords() {
        Map<String, String> roles = Map.of("admin", "ROLE_ADMIN", "manager", "ROLE_MANAGER", "finance", "ROLE_FINANCE", "legal", "ROLE_LEGAL",
                "collector1", "ROLE_COLLECTOR", "collector2", "ROLE_COLLECTOR");
        roles.forEach((username, role) -> {
            UserDetails user = userDetails.loadUserByUsername(username);
            assertThat(encoder.matches(username, user.getPassword())).as(username).isTrue();
            assertThat(encoder.matches("wrong", user.getPassword())).isFalse();
            assertThat(user.getAuthorities()).extracting(Object::toString).contains(role);
        });
        assertThat(banner.demoLogins()).hasSize(6);
        assertThat(banner.text("http://localhost:8080/")).contains("Demo logins", "admin       / admin", "collector2  / collector2");
    }

    @Test
    void theDemoCollectorsFindTheirWorklistsFilled() {
        Map<String, Long> openByAssignee = jdbc.sql("SELECT assignee, count(*) FROM collection_task WHERE status = 'OPEN' AND assignee IS NOT NULL "
                        + "GROUP BY assignee")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(openByAssignee.get("collector1")).isPositive();
        assertThat(openByAssignee.get("collector2")).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM collection_run WHERE status = 'DONE' AND run_trigger = 'DEMO'").query(Long.class).single())
                .isEqualTo(1);
    }

    /** No page starts empty: the weeks before the first day were worked (issue 12, item 14). */
    @Test
    void theDemoShowsTheWorkOfTheWeeksBefore() {
        Map<String, Long> promises = counts("SELECT status, count(*) FROM promise GROUP BY status");
        assertThat(promises.get("KEPT")).as("kept promises").isPositive();
        assertThat(promises.get("BROKEN")).as("broken promises").isPositive();
        assertThat(promises.get("OPEN")).as("promises due").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM promise WHERE status = 'OPEN' AND promised_date >= ?").param(java.sql.Date.valueOf(
                java.time.LocalDate.now(clock))).query(Long.class).single()).as("promises due today or later").isPositive();

        Map<String, Long> byChannel = counts("SELECT channel, count(*) FROM activity WHERE outcome <> 'SENT' GROUP BY channel");
        assertThat(byChannel.get("PHONE")).as("calls").isPositive();
        assertThat(byChannel.get("EMAIL")).as("e-mails").isPositive();
        assertThat(byChannel.get("VISIT")).as("visits").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM activity WHERE direction = 'INBOUND'").query(Long.class).single()).as("inbound calls").isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT recorded_by) FROM activity WHERE recorded_by IN ('collector1', 'collector2')")
                .query(Long.class).single()).as("both collectors logged their calls").isEqualTo(2);

        assertThat(counts("SELECT username, team FROM app_user WHERE team IS NOT NULL").keySet()).contains("collector1", "collector2");
        java.time.YearMonth month = java.time.YearMonth.now(clock);
        Map<String, Long> targets = counts("SELECT scope, count(*) FROM collection_target WHERE month_key = '" + month + "' GROUP BY scope");
        assertThat(targets.get("USER")).as("collectors' targets this month").isEqualTo(2);
        assertThat(targets.get("TEAM")).as("teams' targets this month").isPositive();

        assertThat(jdbc.sql("SELECT count(*) FROM month_end WHERE month_key = ?").param(io.huikuan.aging.MonthEnds.lastCompleteMonth(
                java.time.LocalDate.now(clock)).toString()).query(Long.class).single()).as("the last month closed").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM invoice_dispute WHERE resolved_on IS NULL").query(Long.class).single()).as("open disputes")
                .isBetween(1L, 10L);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM collection_task WHERE template_approval = TRUE AND approved_at IS NULL AND status = 'OPEN'
                AND channel IN ('DEMAND_LETTER', 'LAWYER_LETTER')""").query(Long.class).single()).as("letters waiting for approval").isPositive();
    }

    private Map<String, Long> counts(String sql) {
        return jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2) instanceof Number x ? x.longValue() : 1L)).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum));
    }

    @Test
    void loadsAbout200CustomersSharedByTheCollectors() {
        long total = jdbc.sql("SELECT count(*) FROM customer WHERE code LIKE 'KH%'").query(Long.class).single();
        assertThat(total).isEqualTo(200);
        Map<String, Long> byOwner = jdbc.sql("SELECT owner, count(*) n FROM customer WHERE code LIKE 'KH%' GROUP BY owner")
                .query((rs, n) -> Map.entry(String.valueOf(rs.getString(1)), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byOwner.get("collector1")).isBetween(1L, total - 1);
        assertThat(byOwner.get("collector2")).isBetween(1L, total - 1);
        assertThat(byOwner.get("manager")).isBetween(1L, 40L);
        assertThat(byOwner.keySet()).containsOnly("collector1", "collector2", "manager");
        assertThat(jdbc.sql("SELECT count(*) FROM invoice WHERE invoice_no LIKE 'KH%'").query(Long.class).single()).isEqualTo(6000);
        assertThat(jdbc.sql("SELECT count(*) FROM contact").query(Long.class).single()).isGreaterThanOrEqualTo(600);
        assertThat(jdbc.sql("SELECT count(*) FROM contract").query(Long.class).single()).isGreaterThanOrEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM credit_note").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE method = 'BANK_ACCEPTANCE_DRAFT'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM history WHERE entity_type = 'DEMO' AND reason = 'demo data'").query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void balancesAreConsistentAndSomeCustomersAreOverdue() {
        List<CustomerAccount> accounts = ledger.customers(new CustomerFilter("KH0", null, null, null, null, null, null), "code", false, 0, 1000)
                .items();
        assertThat(accounts).hasSize(200);
        assertThat(accounts).allSatisfy(a -> {
            assertThat(a.openAmount()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(a.overdueAmount()).isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThanOrEqualTo(a.openAmount());
            assertThat(a.unapplied()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        });
        assertThat(accounts.stream().filter(a -> a.overdueAmount().signum() > 0).count()).isBetween(20L, 199L);
        assertThat(accounts.stream().filter(a -> a.unapplied().signum() > 0).count()).isPositive();
        long overAllocatedInvoices = jdbc.sql("""
                SELECT count(*) FROM invoice i
                LEFT JOIN (SELECT invoice_id, sum(amount) s FROM allocation GROUP BY invoice_id) a ON a.invoice_id = i.id
                LEFT JOIN (SELECT invoice_id, sum(amount) s FROM credit_note GROUP BY invoice_id) c ON c.invoice_id = i.id
                WHERE coalesce(a.s, 0) + coalesce(c.s, 0) > i.amount""").query(Long.class).single();
        long overAppliedPayments = jdbc.sql("""
                SELECT count(*) FROM payment p JOIN (SELECT payment_id, sum(amount) s FROM allocation GROUP BY payment_id) a
                ON a.payment_id = p.id WHERE a.s > p.amount""").query(Long.class).single();
        assertThat(overAllocatedInvoices).isZero();
        assertThat(overAppliedPayments).isZero();

        // the balance read model the loader derived agrees with the ledger, invoice by invoice, at the
        // end of every month of the portfolio and today (payments dated after a date do not count)
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        for (int m = 0; m <= 24; m++) {
            java.time.LocalDate d = m == 0 ? today : java.time.YearMonth.from(today).minusMonths(m).atEndOfMonth();
            java.sql.Date at = java.sql.Date.valueOf(d);
            long differing = jdbc.sql("""
                    SELECT count(*) FROM (
                      SELECT i.id, i.amount - coalesce((SELECT sum(a.amount) FROM allocation a JOIN payment p ON p.id = a.payment_id
                                                        WHERE a.invoice_id = i.id AND p.payment_date <= ?), 0)
                                    - coalesce((SELECT sum(c.amount) FROM credit_note c WHERE c.invoice_id = i.id AND c.note_date <= ?), 0)
                                    - coalesce((SELECT sum(w.amount) FROM write_off w WHERE w.invoice_id = i.id AND w.write_off_date <= ?), 0) open
                      FROM invoice i WHERE i.issue_date <= ?) x
                    LEFT JOIN balance_period b ON b.invoice_id = x.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                    WHERE coalesce(b.open_amount, 0) <> CASE WHEN x.open > 0 THEN x.open ELSE 0 END""")
                    .params(at, at, at, at, at, at).query(Long.class).single();
            assertThat(differing).as("invoices whose read-model balance differs as of %s", d).isZero();
        }
    }

    @Test
    void aSecondStartLoadsNothingAndNewRowsGetFreshIds() throws Exception {
        demo.run(new DefaultApplicationArguments());
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE code LIKE 'KH%'").query(Long.class).single()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(6);
        Customer created = customers.create(new Customer("NEW-" + System.nanoTime(), "上海新客户有限公司", null, "华东", null, null, "collector1",
                null, 30, "B", List.of()), "test");
        assertThat(customers.get(created.code()).name()).isEqualTo("上海新客户有限公司");
    }

    /** How this database is written: "COPY" on PostgreSQL, "JDBC batches" elsewhere. */
    abstract String expectedMethod();

    @Test
    void loadsThroughTheFastestPathInOneTransaction() {
        GeneratorSettings settings = new GeneratorSettings(3, 30, 400, java.time.LocalDate.of(2026, 6, 30), "LD", GeneratorSettings.Owners.NONE);
        PortfolioLoader.LoadResult result = loader.load(settings, "test");
        assertThat(result.method()).isEqualTo(expectedMethod());
        assertThat(result.count("invoice")).isEqualTo(400);
        assertThat(result.count("allocation")).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM allocation a JOIN invoice i ON i.id = a.invoice_id WHERE i.invoice_no LIKE 'LD%'")
                .query(Long.class).single()).isEqualTo(result.count("allocation"));
    }

    @Autowired
    io.huikuan.ledger.InvoiceService invoices;

    @Test
    void aFailureHalfWayWritesNothing() {
        GeneratorSettings settings = new GeneratorSettings(4, 3000, 6000, java.time.LocalDate.of(2026, 6, 30), "ZZ", GeneratorSettings.Owners.NONE);
        customers.create(new Customer("OTHER-ZZ", "已有客户有限公司", null, null, null, null, null, null, null, null, List.of()), "test");
        // an invoice number the generator will produce for customer 2500 (in the third chunk)
        String taken = "ZZ002500-I0001";
        invoices.create(new io.huikuan.ledger.Invoice(taken, "OTHER-ZZ", null, java.time.LocalDate.of(2026, 1, 5),
                java.time.LocalDate.of(2026, 2, 5), new BigDecimal("100.00"), "CNY", null, null, null), "test");
        long invoicesBefore = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        assertThatThrownBy(() -> loader.load(settings, "test")).isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(org.assertj.core.util.Throwables.getStackTrace(e)).containsIgnoringCase("invoice_no"));
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE code LIKE 'ZZ%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single()).isEqualTo(invoicesBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM history WHERE entity_type = 'DEMO' AND reason = 'test' AND after_state LIKE '%ZZ%'")
                .query(Long.class).single()).isZero();
    }

    @Autowired
    io.huikuan.exchange.ImportService imports;

    @Test
    void theGeneratedCsvFilesImportWithoutRejectedRows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        GeneratorSettings settings = new GeneratorSettings(8, 100, 2000, java.time.LocalDate.of(2026, 6, 30), "CV",
                (region, index) -> index % 2 == 0 ? "collector1" : "collector2");
        loader.writeCsv(settings, dir);
        int[] expected = {100, 2000, -1};
        String[] files = {"customers.csv", "invoices.csv", "payments.csv"};
        io.huikuan.exchange.ImportKind[] kinds = io.huikuan.exchange.ImportKind.values();
        for (int i = 0; i < 3; i++) {
            try (var in = java.nio.file.Files.newInputStream(dir.resolve(files[i]))) {
                io.huikuan.exchange.ImportReport report = imports.run(kinds[i], in, files[i], io.huikuan.exchange.ImportMode.ALL_OR_NOTHING, false);
                assertThat(report.rejected()).as(files[i] + ": " + report.errors().stream().limit(5).toList()).isZero();
                if (expected[i] >= 0) {
                    assertThat(report.imported()).isEqualTo(expected[i]);
                } else {
                    assertThat(report.imported()).isPositive();
                }
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM invoice WHERE invoice_no LIKE 'CV%'").query(Long.class).single()).isEqualTo(2000);
    }

    /** The legal pages start filled: a served payment order, a lawsuit with a hearing next week, a case closed by mediation with its recovery. */
    @Test
    void theDemoHasLegalCasesOnLongOverdueCustomers() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        Map<String, Long> byKind = counts("SELECT kind || '/' || status, count(*) FROM legal_case GROUP BY kind, status");
        assertThat(byKind).containsEntry("PAYMENT_ORDER/OPEN", 1L).containsEntry("LAWSUIT/OPEN", 1L).containsEntry("LAWSUIT/CLOSED", 1L);
        // the claims were computed from the calculators: interest at 万分之五 on debts over half a year late, the court fee in the costs
        assertThat(jdbc.sql("SELECT count(*) FROM legal_case WHERE interest_basis = 'DAILY_RATE' AND interest > 0").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(DISTINCT case_id) FROM legal_case_interest_line WHERE interest > 0").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM legal_case WHERE kind = 'LAWSUIT' AND status = 'OPEN' AND claim_costs > 0").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM legal_case_stage s JOIN legal_case k ON k.id = s.case_id
                WHERE k.kind = 'LAWSUIT' AND s.stage = 'HEARING' AND s.stage_date > ? AND s.stage_date <= ?""")
                .params(java.sql.Date.valueOf(today), java.sql.Date.valueOf(today.plusDays(7))).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM legal_case_stage s JOIN legal_case k ON k.id = s.case_id
                WHERE k.kind = 'PAYMENT_ORDER' AND s.stage = 'SERVED' AND s.stage_date >= ?""")
                .param(java.sql.Date.valueOf(today.minusDays(14))).query(Long.class).single()).isEqualTo(1);
        // the recovery of the closed case is a payment in the ledger, its mediation document is on file
        assertThat(jdbc.sql("""
                SELECT count(*) FROM legal_case_money m JOIN legal_case k ON k.id = m.case_id JOIN payment p ON p.payment_ref = m.payment_ref
                WHERE k.status = 'CLOSED' AND m.direction = 'RECOVERY' AND p.amount = m.amount""").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE owner_kind = 'CASE'").query(Long.class).single()).isEqualTo(1);
        // the payment order's objection deadline is a task for the legal user
        assertThat(jdbc.sql("SELECT count(*) FROM collection_task WHERE assignee = 'legal' AND status = 'OPEN' AND task_key LIKE 'L:%'")
                .query(Long.class).single()).isPositive();
    }

    @Autowired
    io.huikuan.negotiation.PaymentPlans plans;
    @Autowired
    io.huikuan.negotiation.Concessions concessions;

    /** The negotiation pages start filled: a running plan partly paid, one awaiting the manager, concessions, an offers log. */
    @Test
    void theDemoHasPaymentPlansConcessionsAndOffers() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<io.huikuan.negotiation.PaymentPlan> active = DemoActs.as("manager", io.huikuan.identity.Role.MANAGER,
                () -> plans.list(null, io.huikuan.negotiation.PaymentPlanStatus.ACTIVE, null, 0, 50).items());
        assertThat(active).as("active plans").hasSize(1);
        io.huikuan.negotiation.PaymentPlan plan = active.getFirst();
        assertThat(plan.negotiatedBy()).startsWith("collector");
        assertThat(plan.approvals()).extracting(d -> d.username()).contains("manager");
        assertThat(plan.agreedOn()).isBetween(today.minusDays(49), today.minusDays(35));
        assertThat(plan.installments()).extracting(i -> i.status().name()).startsWith("PAID", "PAID", "DUE");
        assertThat(plan.nextDue().dueDate()).isBetween(today.plusDays(7), today.plusDays(13));
        // the payments are in the ledger, allocated to the plan's invoices; the plan's invoices are out of the strategy
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE payment_ref LIKE ?").param("PP" + plan.id() + "-%").query(Long.class).single())
                .isEqualTo(2);
        assertThat(plan.paid()).isEqualByComparingTo(plan.installments().get(0).amount().add(plan.installments().get(1).amount()));

        List<io.huikuan.negotiation.PaymentPlan> queue = DemoActs.as("manager", io.huikuan.identity.Role.MANAGER, () -> plans.awaitingMe());
        assertThat(queue).as("the manager's queue of plans").hasSize(1);
        assertThat(queue.getFirst().status()).isEqualTo(io.huikuan.negotiation.PaymentPlanStatus.PENDING_APPROVAL);
        assertThat(queue.getFirst().agreedOn()).isAfterOrEqualTo(today.minusDays(3));
        assertThat(queue.getFirst().customerCode()).isNotEqualTo(plan.customerCode());

        Map<String, Long> byStatus = counts("SELECT kind || '/' || status, count(*) FROM concession GROUP BY kind, status");
        assertThat(byStatus).containsEntry("PROMPT_PAYMENT_DISCOUNT/APPROVED", 1L).containsEntry("INTEREST_WAIVER/PENDING_APPROVAL", 1L);
        assertThat(DemoActs.as("manager", io.huikuan.identity.Role.MANAGER, () -> concessions.awaitingMe())).as("the manager's queue of concessions")
                .extracting(c -> c.kind().name()).containsExactly("INTEREST_WAIVER");

        // the offers that led to the pending plan: both sides, ours accepted and naming the plan, made in a logged call
        Map<String, Long> offers = counts("""
                SELECT side || '/' || status, count(*) FROM negotiation_offer o JOIN customer c ON c.id = o.customer_id
                WHERE c.code = '%s' GROUP BY side, status""".formatted(queue.getFirst().customerCode()));
        assertThat(offers).containsEntry("THEIRS/REFUSED", 2L).containsEntry("OURS/ACCEPTED", 1L);
        assertThat(jdbc.sql("SELECT count(*) FROM negotiation_offer WHERE plan_id = ? AND status = 'ACCEPTED' AND activity_id IS NOT NULL")
                .param(queue.getFirst().id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void generateWritesAPortfolioOfTheRequestedSizeOnce() throws Exception {
        GenerateCommand command = new GenerateCommand(loader, users, env, clock);
        command.run(new DefaultApplicationArguments("generate", "--customers=40", "--invoices=700", "--seed=9", "--as-of=2026-05-31",
                "--prefix=GX"));
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE code LIKE 'GX%'").query(Long.class).single()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE c.code LIKE 'GX%'")
                .query(Long.class).single()).isEqualTo(700);
        assertThat(jdbc.sql("SELECT count(DISTINCT owner) FROM customer WHERE code LIKE 'GX%'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT max(issue_date) FROM invoice WHERE invoice_no LIKE 'GX%'").query(java.time.LocalDate.class).single())
                .isBeforeOrEqualTo(java.time.LocalDate.of(2026, 5, 31));
        long before = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        assertThatThrownBy(() -> command.run(new DefaultApplicationArguments("generate", "--customers=5", "--prefix=GX")))
                .hasMessageContaining("already exist");
        assertThat(jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single()).isEqualTo(before);
    }
}
