package io.huikuan.web;

import static io.huikuan.web.XlsxFile.amount;
import static io.huikuan.web.XlsxFile.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every table of the dashboard downloads as XLSX with the page's figures and scope: the
 * collector's own portfolio of {@link DashboardPagesIntegrationTests}. Today is 2026-06-30 in tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardExportIntegrationTests {

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

    private String collector;
    private String a;
    private String b;

    /** 400.00 not due, 100.00 30 days, 980.00 90 days and 70.00 394 days overdue; sales of 500.00 in the last 90 days. */
    @BeforeEach
    void portfolio() {
        String suffix = SEQ.incrementAndGet() + "x" + System.nanoTime() % 100_000;
        collector = "dxc" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        a = "DX-A" + suffix;
        b = "DX-B" + suffix;
        customers.create(new Customer(a, "导出甲公司", null, "华东", null, null, collector, null, null, "B", List.of()), "test data");
        customers.create(new Customer(b, "导出乙公司", null, "华北", null, null, collector, null, null, "C", List.of()), "test data");
        invoice(a + "-1", a, "2026-06-15", "2026-07-15", "400.00");
        invoice(a + "-2", a, "2026-05-01", "2026-05-31", "100.00");
        invoice(b + "-1", b, "2026-03-01", "2026-04-01", "1000.00");
        invoice(b + "-2", b, "2025-05-01", "2025-06-01", "70.00");
        payments.post(new PaymentRequest(b + "-P", b, LocalDate.of(2026, 6, 1), new BigDecimal("20.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(new Payment.Allocation(b + "-1", new BigDecimal("20.00"))), false), null);
    }

    @Test
    void everyTableHasItsDownloadLink() throws Exception {
        String html = mvc.perform(get("/dashboard").param("lang", "en").with(asCollector())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"/dashboard/export/aging.xlsx\"", "href=\"/dashboard/export/owners.xlsx\"",
                "href=\"/dashboard/export/trend.xlsx\"", "href=\"/dashboard/export/top-overdue.xlsx\"", "href=\"/help/measures\"",
                "href=\"/aging\"");
    }

    @Test
    void agingBucketsAsOnThePage() throws Exception {
        List<List<Cell>> rows = sheet("aging", "en");
        assertThat(texts(rows.get(0))).containsExactly("Days overdue", "Amount");
        assertThat(rows).hasSize(8);
        assertThat(rows.get(1).get(0).getText()).isEqualTo("Not due");
        assertThat(amount(rows.get(1).get(1))).isEqualByComparingTo("400.00");
        assertThat(rows.get(2).get(0).getText()).isEqualTo("1–30 days overdue");
        assertThat(amount(rows.get(2).get(1))).isEqualByComparingTo("100.00");
        assertThat(amount(rows.get(3).get(1))).isEqualByComparingTo("0.00");
        assertThat(amount(rows.get(4).get(1))).isEqualByComparingTo("980.00");
        assertThat(amount(rows.get(7).get(1))).isEqualByComparingTo("70.00");
        assertThat(texts(sheet("aging", "zh-CN").get(0))).containsExactly("逾期天数", "金额");
    }

    @Test
    void overdueByOwnerAndTopOverdueCustomersInTheCollectorsScope() throws Exception {
        List<List<Cell>> owners = sheet("owners", "en");
        assertThat(texts(owners.get(0))).containsExactly("Owner", "Overdue");
        assertThat(owners).hasSize(2);
        assertThat(owners.get(1).get(0).getText()).isEqualTo(collector);
        assertThat(amount(owners.get(1).get(1))).isEqualByComparingTo("1150.00");

        List<List<Cell>> top = sheet("top-overdue", "en");
        assertThat(texts(top.get(0))).containsExactly("Code", "Name", "Owner", "Overdue", "Open");
        assertThat(top).hasSize(3);
        assertThat(texts(top.get(1)).subList(0, 3)).containsExactly(b, "导出乙公司", collector);
        assertThat(amount(top.get(1).get(3))).isEqualByComparingTo("1050.00");
        assertThat(amount(top.get(1).get(4))).isEqualByComparingTo("1050.00");
        assertThat(top.get(2).get(0).getText()).isEqualTo(a);
        assertThat(amount(top.get(2).get(3))).isEqualByComparingTo("100.00");
        assertThat(amount(top.get(2).get(4))).isEqualByComparingTo("500.00");
    }

    @Test
    void theTrendHasTheRowsOfThePage() throws Exception {
        String html = mvc.perform(get("/dashboard").param("lang", "en").with(asCollector())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("data-label=\"(\\d{4}-\\d{2}-\\d{2})\" data-values=\"([^\"]*)\"").matcher(html);
        List<String> pageRows = new java.util.ArrayList<>();
        while (m.find()) {
            pageRows.add(m.group(1) + "|" + m.group(2));
        }
        List<List<Cell>> rows = sheet("trend", "en");
        assertThat(texts(rows.get(0))).containsExactly("Month end", "DSO (days sales outstanding)", "BPDSO (best possible DSO)",
                "ADD (average days delinquent)", "Count-back DSO", "CEI (%)", "Overdue ratio", "Avg days to pay", "Avg days late", "Closed");
        assertThat(rows).hasSize(pageRows.size() + 1);
        for (int r = 1; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            String[] expected = pageRows.get(r - 1).split("\\|", -1);
            assertThat(row.get(0).getType()).isEqualTo(CellType.NUMBER); // a date cell
            assertThat(row.get(0).asDate().toLocalDate()).hasToString(expected[0]);
            for (int c = 1; c <= 5; c++) {
                Cell cell = c < row.size() ? row.get(c) : null;
                if (expected[c].isEmpty()) {
                    assertThat(cell == null || cell.getType() == CellType.EMPTY).as(expected[0] + " column " + c).isTrue();
                } else {
                    assertThat(cell.asNumber()).as(expected[0] + " column " + c).isEqualByComparingTo(expected[c]);
                }
            }
        }
        assertThat(pageRows.getLast()).startsWith("2026-06-30|279.0|72.0|207.0|");
    }

    @Test
    void anUnknownTableIsNotFound() throws Exception {
        mvc.perform(get("/dashboard/export/customers.xlsx").with(asCollector())).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/export/aging.xlsx").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    private List<List<Cell>> sheet(String table, String lang) throws Exception {
        byte[] bytes = mvc.perform(get("/dashboard/export/" + table + ".xlsx").param("lang", lang).with(asCollector()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("dashboard-" + table + "-2026-06-30.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        return XlsxFile.read(bytes).sheet(0);
    }

    private UserRequestPostProcessor asCollector() {
        return user(collector).roles(Role.COLLECTOR.name());
    }

    private void invoice(String no, String customer, String issue, String due, String amount) {
        invoices.create(new Invoice(no, customer, null, LocalDate.parse(issue), LocalDate.parse(due), new BigDecimal(amount),
                null, null, null, null), null);
    }
}
