package io.huikuan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.CreditCode;
import io.huikuan.customer.CustomerService;
import io.huikuan.demo.Portfolio.GeneratedAllocation;
import io.huikuan.demo.Portfolio.GeneratedContact;
import io.huikuan.demo.Portfolio.GeneratedContract;
import io.huikuan.demo.Portfolio.GeneratedCreditNote;
import io.huikuan.demo.Portfolio.GeneratedCustomer;
import io.huikuan.demo.Portfolio.GeneratedInvoice;
import io.huikuan.demo.Portfolio.GeneratedPayment;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.LedgerRules;
import io.huikuan.ledger.PaymentMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioGeneratorTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private static List<GeneratedCustomer> generate(long seed, int customers, long invoices) {
        List<GeneratedCustomer> all = new ArrayList<>();
        new PortfolioGenerator(new GeneratorSettings(seed, customers, invoices, AS_OF, "KH", DemoUsers.OWNERS)).forEach(all::add);
        return all;
    }

    @Test
    void sameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        List<GeneratedCustomer> a = generate(42, 200, 6000);
        List<GeneratedCustomer> b = generate(42, 200, 6000);
        List<GeneratedCustomer> c = generate(43, 200, 6000);
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(c.stream().map(GeneratedCustomer::name).toList()).isNotEqualTo(a.stream().map(GeneratedCustomer::name).toList());
    }

    @Test
    void producesExactlyTheRequestedSizeWithEveryBehaviour() {
        List<GeneratedCustomer> all = generate(7, 200, 6000);
        assertThat(all).hasSize(200);
        assertThat(all.stream().mapToLong(c -> c.invoices().size()).sum()).isEqualTo(6000);
        Set<Behaviour> seen = EnumSet.noneOf(Behaviour.class);
        all.forEach(c -> seen.add(c.behaviour()));
        assertThat(seen).containsExactlyInAnyOrder(Behaviour.values());
        assertThat(all).extracting(GeneratedCustomer::region).contains("华东", "华南", "华北", "华中", "西南", "西北", "东北");
        assertThat(all).extracting(GeneratedCustomer::grade).contains("A", "B", "C", "D", "E");
        assertThat(all).extracting(GeneratedCustomer::creditDays).contains(30, 45, 60, 90);
        assertThat(all).extracting(GeneratedCustomer::owner).contains("collector1", "collector2", "manager");
        assertThat(new HashSet<>(all.stream().map(GeneratedCustomer::name).toList())).hasSize(200);
    }

    @Test
    void everyRowSatisfiesTheLedgerRules() {
        List<GeneratedCustomer> all = generate(11, 300, 9000);
        Set<String> documentNumbers = new HashSet<>();
        for (GeneratedCustomer c : all) {
            assertThat(CustomerService.CODE.matcher(c.code()).matches()).isTrue();
            assertThat(CreditCode.problem(c.creditCode())).as(c.creditCode()).isNull();
            assertThat(c.name()).endsWith("公司").hasSizeLessThan(300);
            assertThat(c.creditLimit()).isPositive();
            assertThat(c.grade()).matches("[A-E]");
            assertThat(c.contacts()).extracting(GeneratedContact::role).contains("FINANCE", "PURCHASING", "DECISION_MAKER");
            for (GeneratedContact k : c.contacts()) {
                assertThat(k.phone()).matches("1[3-9][0-9]{9}");
                assertThat(k.email()).matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
                assertThat(k.name()).isNotBlank();
            }
            for (GeneratedContract k : c.contracts()) {
                assertThat(LedgerRules.DOCUMENT_NO.matcher(k.contractNo()).matches()).isTrue();
                assertThat(documentNumbers.add("C" + k.contractNo())).isTrue();
                switch (k.lateClause()) {
                    case "NONE" -> assertThat(k.lateRate()).isNull();
                    case "DAILY_RATE" -> assertThat(k.lateRate()).isEqualByComparingTo("0.0005");
                    default -> assertThat(k.lateRate()).isBetween(new java.math.BigDecimal("0.01"), java.math.BigDecimal.ONE);
                }
            }
            long[] settled = new long[c.invoices().size()];
            for (GeneratedInvoice v : c.invoices()) {
                Invoice invoice = new Invoice(v.invoiceNo(), c.code(), null, v.issueDate(), v.dueDate(), LedgerTables.money(v.amount()), "CNY",
                        v.taxInvoiceNo(), v.issueDate(), v.businessUnit());
                assertThat(LedgerRules.check(invoice)).as(v.invoiceNo()).isEmpty();
                assertThat(v.dueDate()).isAfterOrEqualTo(v.issueDate());
                assertThat(v.issueDate()).isBetween(AS_OF.minusDays(730), AS_OF);
                assertThat(documentNumbers.add("I" + v.invoiceNo())).isTrue();
            }
            for (GeneratedPayment p : c.payments()) {
                assertThat(LedgerRules.DOCUMENT_NO.matcher(p.paymentRef()).matches()).isTrue();
                assertThat(documentNumbers.add("P" + p.paymentRef())).isTrue();
                assertThat(p.amount()).isPositive();
                assertThat(p.paymentDate()).isBeforeOrEqualTo(AS_OF);
                assertThat(PaymentMethod.valueOf(p.method())).isNotNull();
                assertThat(p.applied()).isLessThanOrEqualTo(p.amount());
                for (GeneratedAllocation a : p.allocations()) {
                    assertThat(a.amount()).isPositive();
                    assertThat(c.invoices().get(a.invoice()).issueDate()).isBeforeOrEqualTo(p.paymentDate());
                    settled[a.invoice()] += a.amount();
                }
            }
            for (GeneratedCreditNote n : c.creditNotes()) {
                assertThat(n.amount()).isPositive();
                assertThat(n.reason()).isNotBlank();
                assertThat(n.noteDate()).isBeforeOrEqualTo(AS_OF);
                assertThat(documentNumbers.add("N" + n.creditNoteNo())).isTrue();
                settled[n.invoice()] += n.amount();
            }
            for (int i = 0; i < settled.length; i++) {
                assertThat(settled[i]).as("settled on " + c.invoices().get(i).invoiceNo()).isLessThanOrEqualTo(c.invoices().get(i).amount());
            }
        }
    }

    @Test
    void paymentsFollowTheBehaviour() {
        List<GeneratedCustomer> all = generate(20261125, 400, 12000);
        Map<Behaviour, long[]> overdue = new EnumMap<>(Behaviour.class); // [overdue, invoiced]
        long unapplied = 0;
        long drafts = 0;
        long creditNotes = 0;
        for (GeneratedCustomer c : all) {
            long[] open = new long[c.invoices().size()];
            for (int i = 0; i < open.length; i++) {
                open[i] = c.invoices().get(i).amount();
            }
            for (GeneratedPayment p : c.payments()) {
                p.allocations().forEach(a -> open[a.invoice()] -= a.amount());
                unapplied += p.amount() - p.applied();
                drafts += p.method().equals("BANK_ACCEPTANCE_DRAFT") ? 1 : 0;
            }
            for (GeneratedCreditNote n : c.creditNotes()) {
                open[n.invoice()] -= n.amount();
                creditNotes++;
            }
            long[] sums = overdue.computeIfAbsent(c.behaviour(), b -> new long[2]);
            for (int i = 0; i < open.length; i++) {
                assertThat(open[i]).isNotNegative();
                if (c.invoices().get(i).dueDate().isBefore(AS_OF)) {
                    sums[0] += open[i];
                }
                sums[1] += c.invoices().get(i).amount();
            }
        }
        assertThat(unapplied).isPositive();
        assertThat(drafts).isPositive();
        assertThat(creditNotes).isPositive();
        double prompt = ratio(overdue.get(Behaviour.PROMPT));
        assertThat(ratio(overdue.get(Behaviour.SLOW))).isGreaterThan(prompt);
        assertThat(ratio(overdue.get(Behaviour.DETERIORATING))).isGreaterThan(ratio(overdue.get(Behaviour.SLOW)));
        assertThat(ratio(overdue.get(Behaviour.DEFAULTER))).isGreaterThan(0.3);
        assertThat(prompt).isLessThan(0.03);
    }

    @Test
    void writesTheImportFiles(@TempDir Path dir) throws IOException {
        LocalDate asOf = AS_OF;
        PortfolioLoader loader = new PortfolioLoader(null, null, null, null, null);
        var result = loader.writeCsv(new GeneratorSettings(5, 50, 1000, asOf, "KH", DemoUsers.OWNERS), dir);
        assertThat(result.count("invoices.csv")).isEqualTo(1000);
        List<String> customers = Files.readAllLines(dir.resolve("customers.csv"), StandardCharsets.UTF_8);
        List<String> invoices = Files.readAllLines(dir.resolve("invoices.csv"), StandardCharsets.UTF_8);
        List<String> payments = Files.readAllLines(dir.resolve("payments.csv"), StandardCharsets.UTF_8);
        assertThat(customers.get(0)).isEqualTo("customer_code,name,region,business_unit,industry,owner,credit_limit,credit_days,grade");
        assertThat(invoices.get(0)).isEqualTo("invoice_no,customer_code,issue_date,due_date,amount,currency,contract_no,tax_invoice_no,business_unit");
        assertThat(payments.get(0)).isEqualTo("payment_ref,customer_code,payment_date,amount,method,invoice_no");
        assertThat(customers).hasSize(51);
        assertThat(invoices).hasSize(1001);
        assertThat(customers.get(1)).startsWith("KH000001,").contains("公司");
        assertThat(invoices.get(1)).matches("KH\\d{6}-I\\d{4},KH\\d{6},\\d{4}-\\d\\d-\\d\\d,\\d{4}-\\d\\d-\\d\\d,\\d+\\.\\d\\d,CNY,.*");
    }

    private static double ratio(long[] sums) {
        return sums[1] == 0 ? 0 : sums[0] / (double) sums[1];
    }
}
