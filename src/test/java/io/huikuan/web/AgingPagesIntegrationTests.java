package io.huikuan.web;

import static io.huikuan.web.XlsxFile.amount;
import static io.huikuan.web.XlsxFile.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.reader.Cell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The aging report page (/aging), its cells' drill-down (/aging/invoices), its XLSX export and the
 * bucket sets page, for a collector of their own (portfolio scope) and managers. Today is
 * 2026-06-30 in tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgingPagesIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;

    private String suffix;
    private String collector;
    private String other;
    private String a;
    private String b;
    private String c;

    /**
     * The collector's customers: a has 400.00 not due and 100.00 30 days overdue; b has 980.00
     * (1000.00 less 20.00) 90 days overdue and 70.00 394 days overdue. Another collector's
     * customer c has 555.00 30 days overdue.
     */
    @BeforeEach
    void portfolio() {
        suffix = SEQ.incrementAndGet() + "x" + System.nanoTime() % 100_000;
        collector = "agc" + suffix;
        other = "ago" + suffix;
        Api.user(users, "manager1", Role.MANAGER);
        Api.user(users, "legal1", Role.LEGAL);
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, other, Role.COLLECTOR);
        a = "AG-A" + suffix;
        b = "AG-B" + suffix;
        c = "AG-C" + suffix;
        customers.create(new Customer(a, "账龄甲公司", null, "华东", null, null, collector, null, null, "B", List.of()), "test data");
        customers.create(new Customer(b, "账龄乙公司", null, "华北", null, null, collector, null, null, "C", List.of()), "test data");
        customers.create(new Customer(c, "账龄丙公司", null, "华南", null, null, other, null, null, "A", List.of()), "test data");
        invoice(a + "-1", a, "2026-06-15", "2026-07-15", "400.00");
        invoice(a + "-2", a, "2026-05-01", "2026-05-31", "100.00");
        invoice(b + "-1", b, "2026-03-01", "2026-04-01", "1000.00");
        invoice(b + "-2", b, "2025-05-01", "2025-06-01", "70.00");
        invoice(c + "-1", c, "2026-05-01", "2026-05-31", "555.00");
        payments.post(new PaymentRequest(b + "-P", b, LocalDate.of(2026, 6, 1), new BigDecimal("20.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(new Payment.Allocation(b + "-1", new BigDecimal("20.00"))), false), null);
    }

    @Test
    void theCollectorSeesTheirCustomersInBucketsWithTotalsInBothLanguages() throws Exception {
        String html = html(get("/aging").param("lang", "en"), asCollector());
        assertThat(html).doesNotContain("??").contains("Aging report", "1–30 days overdue", "Over 365 days overdue",
                "id=\"nav-aging\"", "href=\"/help/measures#aging-buckets\"");
        assertThat(html).contains(a, b).doesNotContain(c);
        // b first (1,050.00), then a (500.00)
        assertThat(html.indexOf(b)).isLessThan(html.indexOf(a));
        assertThat(text(html, "cell-0-3")).isEqualTo("980.00");
        assertThat(text(html, "cell-0-6")).isEqualTo("70.00");
        assertThat(text(html, "cell-0-total")).isEqualTo("1,050.00");
        assertThat(text(html, "cell-1-0")).isEqualTo("400.00");
        assertThat(text(html, "cell-1-1")).isEqualTo("100.00");
        assertThat(text(html, "cell-total-total")).isEqualTo("1,550.00");
        assertThat(html).contains("href=\"/aging/invoices?asOf=2026-06-30&amp;groupBy=customer&amp;key=" + b + "&amp;bucket=3\"");

        String zh = html(get("/aging").param("lang", "zh-CN"), asCollector());
        assertThat(zh).doesNotContain("??").contains("账龄报表", "逾期 1–30 天", "合计");
    }

    @Test
    void everyCellListsExactlyItsInvoicesWithTheCellAmount() throws Exception {
        String cell = html(get("/aging/invoices").param("asOf", "2026-06-30").param("groupBy", "customer").param("key", b)
                .param("bucket", "3").param("lang", "en"), asCollector());
        assertThat(text(cell, "cell-amount")).isEqualTo("980.00");
        assertThat(text(cell, "cell-count")).isEqualTo("1");
        assertThat(cell).contains(b + "-1").doesNotContain(b + "-2").doesNotContain(a + "-1");

        String row = html(get("/aging/invoices").param("groupBy", "customer").param("key", a), asCollector());
        assertThat(text(row, "cell-amount")).isEqualTo("500.00");
        assertThat(row).contains(a + "-1", a + "-2").doesNotContain(b + "-1");

        // the 1-30 column over every row: only the collector's own invoice, not the other collector's
        String column = html(get("/aging/invoices").param("groupBy", "customer").param("bucket", "1"), asCollector());
        assertThat(column).contains(a + "-2").doesNotContain(c + "-1");

        // grouped by owner, the manager sees the other collector's cell
        String byOwner = html(get("/aging").param("groupBy", "owner"), asManager());
        assertThat(byOwner).contains("href=\"/aging/invoices?asOf=2026-06-30&amp;groupBy=owner&amp;key=" + other + "&amp;bucket=1\"");
        String owners = html(get("/aging/invoices").param("groupBy", "owner").param("key", other).param("bucket", "1"), asManager());
        assertThat(text(owners, "cell-amount")).isEqualTo("555.00");
        assertThat(owners).contains(c + "-1");
        // ... which the collector cannot see
        String hidden = html(get("/aging/invoices").param("groupBy", "owner").param("key", other), asCollector());
        assertThat(text(hidden, "cell-amount")).isEqualTo("0.00");
        assertThat(hidden).doesNotContain(c + "-1");
    }

    @Test
    void aPastDateAndANamedBucketSetChangeTheCells() throws Exception {
        mvc.perform(post("/aging/bucket-sets").param("name", "Quarterly " + suffix).param("buckets", "90,180")
                .with(asManager()).with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aging/bucket-sets"));
        String html = html(get("/aging").param("bucketSet", "Quarterly " + suffix).param("lang", "en"), asCollector());
        assertThat(html).contains("1–90 days overdue", "91–180 days overdue", "Over 180 days overdue");
        // b: 980 in 1-90, 70 over 180
        assertThat(text(html, "cell-0-1")).isEqualTo("980.00");
        assertThat(text(html, "cell-0-3")).isEqualTo("70.00");
        assertThat(html).contains("bucketSet=Quarterly%20" + suffix);
        String cell = html(get("/aging/invoices").param("groupBy", "customer").param("bucketSet", "Quarterly " + suffix)
                .param("key", b).param("bucket", "1"), asCollector());
        assertThat(text(cell, "cell-amount")).isEqualTo("980.00");

        // as of 2026-05-31: a-1 not issued yet, a-2 due that day (not due), b-1 60 days overdue, no payment yet
        String past = html(get("/aging").param("asOf", "2026-05-31"), asCollector());
        assertThat(text(past, "cell-0-2")).isEqualTo("1,000.00");
        assertThat(text(past, "cell-1-0")).isEqualTo("100.00");
    }

    @Test
    void aCellOfManyInvoicesIsPagedAndEveryPageShowsTheCellAmount() throws Exception {
        String many = "AG-M" + suffix;
        customers.create(new Customer(many, "账龄分页公司", null, "西南", null, null, collector, null, null, "B", List.of()), "test data");
        for (int i = 1; i <= 51; i++) {
            invoice(many + "-" + String.format("%02d", i), many, "2026-05-01", "2026-06-20", "10.00");
        }
        String first = html(get("/aging/invoices").param("groupBy", "customer").param("key", many).param("bucket", "1"), asCollector());
        assertThat(text(first, "cell-amount")).isEqualTo("510.00");
        assertThat(text(first, "cell-count")).isEqualTo("51");
        assertThat(first.split("<td><a class=\"mono\" href=\"/invoices/", -1)).hasSize(51);
        assertThat(first).contains("href=\"/aging/invoices?asOf=2026-06-30&amp;groupBy=customer&amp;key=" + many + "&amp;bucket=1&amp;page=1\"");
        String second = html(get("/aging/invoices").param("groupBy", "customer").param("key", many).param("bucket", "1")
                .param("page", "1"), asCollector());
        assertThat(text(second, "cell-amount")).isEqualTo("510.00");
        assertThat(second.split("<td><a class=\"mono\" href=\"/invoices/", -1)).hasSize(2);
        assertThat(second).contains(many + "-51");
    }

    @Test
    void badParametersShowAnErrorNamingTheField() throws Exception {
        String date = mvc.perform(get("/aging").param("asOf", "2026-13-45").param("lang", "en").with(asCollector()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(date).contains("id=\"aging-errors\"", "As of: not a valid date: use yyyy-MM-dd").doesNotContain("id=\"aging-table\"");
        String grouping = mvc.perform(get("/aging").param("groupBy", "planet").param("lang", "zh-CN").with(asCollector()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(grouping).contains("分组：只能按客户").doesNotContain("groupBy：", "groupBy:");
        String set = mvc.perform(get("/aging").param("bucketSet", "no such set").param("lang", "en").with(asCollector()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(set).contains("Bucket set: there is no bucket set of that name");
        String bucket = mvc.perform(get("/aging/invoices").param("bucket", "9").param("lang", "en").with(asCollector()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bucket).contains("Bucket: must be an index from 0 to 6");
        String notNumber = mvc.perform(get("/aging/invoices").param("bucket", "x").param("lang", "en").with(asCollector()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notNumber).contains("Bucket: must be a whole number");
        mvc.perform(get("/aging/export.xlsx").param("asOf", "yesterday").with(asCollector())).andExpect(status().isBadRequest());
    }

    @Test
    void theExportHoldsTheSameFiguresAsThePage() throws Exception {
        byte[] bytes = mvc.perform(get("/aging/export.xlsx").param("asOf", "2026-06-30").param("groupBy", "customer")
                        .param("lang", "en").with(asCollector()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<Cell>> rows = XlsxFile.read(bytes).sheet(0);
        assertThat(texts(rows.get(0))).containsExactly("Customer", "Name", "Not due", "1–30 days overdue", "31–60 days overdue",
                "61–90 days overdue", "91–180 days overdue", "181–365 days overdue", "Over 365 days overdue", "Total", "In dispute");
        assertThat(rows).hasSize(4);
        assertThat(amount(rows.get(3).get(10))).isEqualByComparingTo("0.00");
        assertThat(rows.get(1).get(0).getText()).isEqualTo(b);
        assertThat(rows.get(1).get(1).getText()).isEqualTo("账龄乙公司");
        assertThat(amount(rows.get(1).get(5))).isEqualByComparingTo("980.00");
        assertThat(amount(rows.get(1).get(8))).isEqualByComparingTo("70.00");
        assertThat(amount(rows.get(1).get(9))).isEqualByComparingTo("1050.00");
        assertThat(rows.get(2).get(0).getText()).isEqualTo(a);
        assertThat(amount(rows.get(2).get(2))).isEqualByComparingTo("400.00");
        assertThat(texts(rows.get(3)).getFirst()).isEqualTo("Total");
        assertThat(amount(rows.get(3).get(9))).isEqualByComparingTo("1550.00");

        byte[] zh = mvc.perform(get("/aging/export.xlsx").param("groupBy", "region").param("lang", "zh-CN").with(asCollector()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<Cell>> regions = XlsxFile.read(zh).sheet(0);
        assertThat(texts(regions.get(0)).getFirst()).isEqualTo("地区");
        assertThat(texts(regions.get(0)).getLast()).isEqualTo("争议中");
        assertThat(regions.stream().map(r -> r.get(0).getText()).toList()).contains("华北", "华东").doesNotContain("华南");
    }

    @Test
    void managersDefineAndDeleteBucketSetsOthersOnlyRead() throws Exception {
        String name = "Monthly " + suffix;
        String bad = html(post("/aging/bucket-sets").param("name", name).param("buckets", "60,30").with(csrf()), asManager());
        assertThat(bad).contains("分段必须递增：30 在 60 之后", "name=\"buckets\" value=\"60,30\"");
        String badName = html(post("/aging/bucket-sets").param("name", "").param("buckets", "30").with(csrf()), asManager());
        assertThat(badName).contains("必填");

        mvc.perform(post("/aging/bucket-sets").param("name", name).param("buckets", "30,60").with(asManager()).with(csrf()))
                .andExpect(redirectedUrl("/aging/bucket-sets"));
        String dup = html(post("/aging/bucket-sets").param("name", name).param("buckets", "30").with(csrf()), asManager());
        assertThat(dup).contains("已有名为 " + name + " 的分段方案");

        String readOnly = html(get("/aging/bucket-sets").param("lang", "en"), asCollector());
        assertThat(readOnly).contains(name, "30,60", "Not due · 1–30 days overdue · 31–60 days overdue · Over 60 days overdue")
                .doesNotContain("id=\"bucket-set-form\"").doesNotContain("/delete");
        mvc.perform(post("/aging/bucket-sets").param("name", "x" + suffix).param("buckets", "30").with(asCollector()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/aging/bucket-sets/" + name + "/delete").with(asLegal()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/aging/bucket-sets/" + name + "/delete").with(asManager())).andExpect(status().isForbidden()); // no CSRF token

        String managerPage = html(get("/aging/bucket-sets"), asManager());
        assertThat(managerPage).contains("id=\"bucket-set-form\"", "action=\"/aging/bucket-sets/Monthly%20" + suffix + "/delete\"");
        mvc.perform(post("/aging/bucket-sets/" + name + "/delete").with(asManager()).with(csrf()))
                .andExpect(redirectedUrl("/aging/bucket-sets"));
        assertThat(html(get("/aging/bucket-sets"), asManager())).doesNotContain(name);
        mvc.perform(post("/aging/bucket-sets/" + name + "/delete").with(asManager()).with(csrf())).andExpect(status().isNotFound());
    }

    private String html(MockHttpServletRequestBuilder request, UserRequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the element with this id (up to its first child tag). */
    static String text(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start)).strip();
    }

    private UserRequestPostProcessor asCollector() {
        return user(collector).roles(Role.COLLECTOR.name());
    }

    private static UserRequestPostProcessor asManager() {
        return user("manager1").roles(Role.MANAGER.name());
    }

    private static UserRequestPostProcessor asLegal() {
        return user("legal1").roles(Role.LEGAL.name());
    }

    private void invoice(String no, String customer, String issue, String due, String amount) {
        invoices.create(new Invoice(no, customer, null, LocalDate.parse(issue), LocalDate.parse(due), new BigDecimal(amount),
                null, null, null, null), null);
    }
}
