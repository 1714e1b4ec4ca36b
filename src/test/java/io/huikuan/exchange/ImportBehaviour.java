package io.huikuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.huikuan.exchange.ImportReport.RowError;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.History;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.support.Api;
import io.huikuan.support.BalanceCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * File import as a user sees it through {@code POST /api/imports/...}: counts, balances after
 * the import, the error report (row, column, value, rule), nothing half-written. Run on H2 and
 * on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ImportBehaviour {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerQueries ledger;
    @Autowired
    History history;
    @Autowired
    JsonMapper json;

    /** A prefix that makes this test's codes and numbers unique in the shared database. */
    String p;
    String c1;
    String c2;

    record Answer(int status, ImportReport report) {

        RowError error(int i) {
            return report.errors().get(i);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "collector1", Role.COLLECTOR);
        Api.user(users, "collector2", Role.COLLECTOR);
        p = "T" + SEQ.incrementAndGet() + "-";
        c1 = p + "C1";
        c2 = p + "C2";
        Answer a = upload("customers", "admin", "customers.csv", csv("""
                customer_code,name,region,owner,credit_limit,credit_days,grade
                %s,苏州恒达精密机械有限公司,华东,collector1,"500,000.00",60,B
                %s,深圳华信电子有限公司,华南,collector2,,30,C
                """.formatted(c1, c2)));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.report().imported()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    Answer upload(String kind, String user, String filename, byte[] content, String... params) throws Exception {
        MockMultipartHttpServletRequestBuilder req = multipart("/api/imports/" + kind)
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content));
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        MvcResult r = mvc.perform(req.with(httpBasic(user, user))).andReturn();
        int status = r.getResponse().getStatus();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (status != 200 && status != 422) {
            return new Answer(status, null);
        }
        return new Answer(status, json.readValue(body, ImportReport.class));
    }

    InvoiceView invoice(String no) {
        return ledger.invoice(no).orElse(null);
    }

    long count(String table, String keyColumn) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + keyColumn + " LIKE ?").param(p + "%").query(Long.class).single();
    }

    String invoices(String... rows) {
        StringBuilder b = new StringBuilder("invoice_no,customer_code,issue_date,due_date,amount\n");
        for (String r : rows) {
            b.append(r).append('\n');
        }
        return b.toString();
    }

    static byte[] xlsx(Object[][] rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof String s) {
                    ws.value(r, c, s);
                } else if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v instanceof LocalDate d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- invoices

    @Test
    void anImportedPaymentIsNotAllocatedToAnInvoiceInAnotherCurrency() throws Exception {
        upload("invoices", "finance", "fx.csv", csv("""
                invoice_no,customer_code,issue_date,due_date,amount,currency
                %1$sFX1,%2$s,2026-01-01,2026-01-31,100.00,USD
                %1$sFX2,%2$s,2026-02-01,2026-02-28,60.00,CNY
                """.formatted(p, c1)));
        Answer a = upload("payments", "finance", "fxpay.csv", csv("""
                payment_ref,customer_code,payment_date,amount
                %1$sFXP,%2$s,2026-06-01,100.00
                """.formatted(p, c1)));
        assertThat(a.report().imported()).isEqualTo(1);
        assertThat(ledger.invoice(p + "FX1").orElseThrow().open()).isEqualByComparingTo("100.00");
        assertThat(ledger.invoice(p + "FX2").orElseThrow().open()).isEqualByComparingTo("0.00");
    }

    @Test
    void theCustomersHistoryShowsWhoImportedWhatFromWhichFile() throws Exception {
        Answer a = upload("invoices", "finance", "erp-2026-06.csv", csv("""
                invoice_no,customer_code,issue_date,due_date,amount
                %1$sH1,%2$s,2026-05-01,2026-05-31,100.10
                %1$sH2,%2$s,2026-05-02,2026-06-30,200.20
                %1$sH3,%3$s,2026-05-03,2026-07-31,50.00
                """.formatted(p, c1, c2)));
        assertThat(a.report().imported()).isEqualTo(3);
        var c1History = history.forCustomer(c1, 0, 50).items();
        assertThat(c1History).anySatisfy(h -> {
            assertThat(h.entityType()).isEqualTo("INVOICE_IMPORT");
            assertThat(h.actor()).isEqualTo("finance");
            assertThat(h.reason()).contains("erp-2026-06.csv");
            assertThat(h.after()).contains("\"count\":2").contains("300.30").contains(p + "H1").contains(p + "H2");
        });
        assertThat(c1History).anySatisfy(h -> {
            assertThat(h.entityType()).isEqualTo("CUSTOMER");
            assertThat(h.after()).contains("苏州恒达精密机械有限公司");
        });
        assertThat(history.forCustomer(c2, 0, 50).items()).anySatisfy(h -> assertThat(h.after()).contains("\"count\":1"));
        // importing the same file again creates nothing and records nothing new for the customer
        int before = history.forCustomer(c1, 0, 50).items().size();
        upload("invoices", "finance", "erp-2026-06.csv", csv("""
                invoice_no,customer_code,issue_date,due_date,amount
                %1$sH1,%2$s,2026-05-01,2026-05-31,100.10
                %1$sH2,%2$s,2026-05-02,2026-06-30,200.20
                %1$sH3,%3$s,2026-05-03,2026-07-31,50.00
                """.formatted(p, c1, c2)));
        assertThat(history.forCustomer(c1, 0, 50).items()).hasSize(before);
    }

    @Test
    void invoicesImportWithBalancesAndTheSameFileTwiceChangesNothing() throws Exception {
        byte[] file = csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-02-04,\"12,000.00\"".formatted(c1),
                p + "INV-2,%s,2026/3/1,2026/4/30,¥3500.5".formatted(c1),
                p + "INV-3,%s,2026-06-01,2026-07-31,800".formatted(c2)));
        Answer first = upload("invoices", "finance", "invoices.csv", file);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.report().imported()).isEqualTo(3);
        assertThat(first.report().rejected()).isZero();
        assertThat(first.report().errors()).isEmpty();
        assertThat(first.report().written()).isTrue();

        InvoiceView inv2 = invoice(p + "INV-2");
        assertThat(inv2.amount()).isEqualByComparingTo("3500.50");
        assertThat(inv2.issueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(inv2.open()).isEqualByComparingTo("3500.50");
        assertThat(inv2.status()).isEqualTo("OVERDUE");
        assertThat(inv2.currency()).isEqualTo("CNY");

        Answer second = upload("invoices", "finance", "invoices.csv", file);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.report().imported()).isZero();
        assertThat(second.report().updated()).isZero();
        assertThat(second.report().unchanged()).isEqualTo(3);
        assertThat(count("invoice", "invoice_no")).isEqualTo(3);
    }

    @Test
    void changedInvoicesAreUpdatedWithHistoryAndMissingOptionalColumnsKeepTheirValue() throws Exception {
        upload("invoices", "finance", "a.csv", csv("""
                invoice_no,customer_code,issue_date,due_date,amount,tax_invoice_no,business_unit
                %1$sINV-1,%2$s,2026-01-05,2026-02-04,1000,FP001,工业事业部
                %1$sINV-2,%2$s,2026-01-06,2026-02-05,2000,FP002,工业事业部
                """.formatted(p, c1)));
        Answer a = upload("invoices", "finance", "b.csv", csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-03-06,1200".formatted(c1),
                p + "INV-2,%s,2026-01-06,2026-02-05,2000".formatted(c1),
                p + "INV-3,%s,2026-01-07,2026-02-06,300".formatted(c1))));
        assertThat(a.report().imported()).isEqualTo(1);
        assertThat(a.report().updated()).isEqualTo(1);
        assertThat(a.report().unchanged()).isEqualTo(1);
        InvoiceView inv1 = invoice(p + "INV-1");
        assertThat(inv1.amount()).isEqualByComparingTo("1200");
        assertThat(inv1.dueDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(inv1.taxInvoiceNo()).isEqualTo("FP001");
        assertThat(inv1.businessUnit()).isEqualTo("工业事业部");
        var entries = history.forEntity("INVOICE", p + "INV-1");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("UPDATE");
            assertThat(e.actor()).isEqualTo("finance");
            assertThat(e.before()).contains("1000");
            assertThat(e.after()).contains("1200");
        });
        Long batch = jdbc.sql("SELECT import_batch_id FROM invoice WHERE invoice_no = ?").param(p + "INV-3").query(Long.class).single();
        assertThat(batch).isNotNull();
        assertThat(history.forEntity("IMPORT_BATCH", String.valueOf(batch))).hasSize(1);
        BalanceCheck.assertReadModelMatchesLedger(jdbc);
    }

    @Test
    void xlsxWithChineseHeadersDateCellsAndNumbers() throws Exception {
        byte[] file = xlsx(new Object[][] {
                {"发票号", "客户编码", "开票日期", "到期日", "金额", "币种", "税票号"},
                {p + "X-1", c1, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), new BigDecimal("1234.56"), "CNY", "12345678"},
                {p + "X-2", c2, "2026/5/2", "2026-06-01", "¥2,000.00", "", ""},
        });
        Answer a = upload("invoices", "finance", "发票.xlsx", file);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.report().imported()).isEqualTo(2);
        InvoiceView x1 = invoice(p + "X-1");
        assertThat(x1.issueDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(x1.dueDate()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(x1.amount()).isEqualByComparingTo("1234.56");
        assertThat(x1.taxInvoiceNo()).isEqualTo("12345678");
        assertThat(invoice(p + "X-2").amount()).isEqualByComparingTo("2000");
        assertThat(upload("invoices", "finance", "发票.xlsx", file).report().unchanged()).isEqualTo(2);
    }

    @Test
    void missingRequiredColumnIsAFileError() throws Exception {
        Answer a = upload("invoices", "finance", "x.csv", csv("""
                invoice_no,customer_code,issue_date,amount
                %sINV-1,%s,2026-01-05,100
                """.formatted(p, c1)));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.report().written()).isFalse();
        assertThat(a.error(0).row()).isEqualTo(1);
        assertThat(a.error(0).column()).isEqualTo("due_date");
        assertThat(a.error(0).message()).contains("required column 'due_date' is missing");
        assertThat(count("invoice", "invoice_no")).isZero();
    }

    @Test
    void oneBadRowAndNothingIsWrittenUnlessValidRowsMode() throws Exception {
        byte[] file = csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-02-04,100".formatted(c1),
                p + "INV-2,NO-SUCH-CUSTOMER,2026-01-05,2026-02-04,100",
                p + "INV-3,%s,2026-01-05,2026-02-04,-5".formatted(c1),
                p + "INV-4,%s,2026-01-05,2026-02-04,12abc".formatted(c1),
                p + "INV-5,%s,2026-03-05,2026-02-04,100".formatted(c1),
                p + "INV-6,%s,2026-01-05,2026-02-04,100".formatted(c1)));
        Answer a = upload("invoices", "finance", "x.csv", file);
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.report().written()).isFalse();
        assertThat(a.report().rejected()).isEqualTo(4);
        assertThat(a.report().imported()).isZero();
        assertThat(a.report().errors()).extracting(RowError::row, RowError::column, RowError::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "customer_code", "NO-SUCH-CUSTOMER"),
                org.assertj.core.groups.Tuple.tuple(4L, "amount", "-5"),
                org.assertj.core.groups.Tuple.tuple(5L, "amount", "12abc"),
                org.assertj.core.groups.Tuple.tuple(6L, "due_date", "2026-02-04"));
        assertThat(a.error(0).message()).isEqualTo("unknown customer");
        assertThat(a.error(1).message()).contains("greater than 0");
        assertThat(a.error(2).message()).contains("not a number");
        assertThat(a.error(3).message()).contains("before the issue date");
        assertThat(count("invoice", "invoice_no")).isZero();

        Answer valid = upload("invoices", "finance", "x.csv", file, "mode", "valid-rows");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.report().imported()).isEqualTo(2);
        assertThat(valid.report().rejected()).isEqualTo(4);
        assertThat(valid.report().written()).isTrue();
        assertThat(count("invoice", "invoice_no")).isEqualTo(2);
    }

    @Test
    void duplicateKeyInOneFileNamesBothRows() throws Exception {
        Answer a = upload("invoices", "finance", "x.csv", csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-02-04,100".formatted(c1),
                p + "INV-2,%s,2026-01-05,2026-02-04,100".formatted(c1),
                p + "INV-1,%s,2026-01-05,2026-02-04,200".formatted(c1))));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.error(0).row()).isEqualTo(4);
        assertThat(a.error(0).column()).isEqualTo("invoice_no");
        assertThat(a.error(0).value()).isEqualTo(p + "INV-1");
        assertThat(a.error(0).message()).contains("duplicate").contains("rows 2 and 4");
        assertThat(count("invoice", "invoice_no")).isZero();
    }

    @Test
    void dryRunCountsButWritesNothing() throws Exception {
        Answer a = upload("invoices", "finance", "x.csv", csv(invoices(p + "INV-1,%s,2026-01-05,2026-02-04,100".formatted(c1))),
                "dryRun", "true");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.report().imported()).isEqualTo(1);
        assertThat(a.report().dryRun()).isTrue();
        assertThat(a.report().written()).isFalse();
        assertThat(count("invoice", "invoice_no")).isZero();
    }

    @Test
    void anUpdateMayNotReduceAnInvoiceBelowWhatIsPaidNorMoveItToAnotherCustomer() throws Exception {
        upload("invoices", "finance", "a.csv", csv(invoices(p + "INV-1,%s,2026-01-05,2026-02-04,1000".formatted(c1))));
        Answer pay = upload("payments", "finance", "p.csv", csv("""
                payment_ref,customer_code,payment_date,amount
                %sPAY-1,%s,2026-02-01,600
                """.formatted(p, c1)));
        assertThat(pay.report().imported()).isEqualTo(1);
        Answer a = upload("invoices", "finance", "b.csv", csv(invoices(p + "INV-1,%s,2026-01-05,2026-02-04,500".formatted(c1))));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.error(0).row()).isEqualTo(2);
        assertThat(a.error(0).column()).isEqualTo("amount");
        assertThat(a.error(0).message()).contains("already paid").contains("600.00");
        Answer moved = upload("invoices", "finance", "c.csv", csv(invoices(p + "INV-1,%s,2026-01-05,2026-02-04,1000".formatted(c2))));
        assertThat(moved.error(0).column()).isEqualTo("customer_code");
        assertThat(moved.error(0).message()).contains("cannot move to another customer");
        assertThat(invoice(p + "INV-1").amount()).isEqualByComparingTo("1000");
        assertThat(invoice(p + "INV-1").customerCode()).isEqualTo(c1);
    }

    @Test
    void amountsKeepEveryDigit() throws Exception {
        String[] amounts = {"0.01", "0.1", "1", "10000", "10000.01", "9999.99", "100000000", "123456789012345.67", "99999999999999999.99"};
        String[] rows = new String[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            rows[i] = p + "AMT-" + i + "," + c1 + ",2026-01-05,2026-02-04," + amounts[i];
        }
        Answer a = upload("invoices", "finance", "amounts.csv", csv(invoices(rows)));
        assertThat(a.report().imported()).isEqualTo(amounts.length);
        for (int i = 0; i < amounts.length; i++) {
            assertThat(invoice(p + "AMT-" + i).amount()).as(amounts[i]).isEqualByComparingTo(amounts[i]);
            assertThat(invoice(p + "AMT-" + i).issueDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        }
        assertThat(upload("invoices", "finance", "amounts.csv", csv(invoices(rows))).report().unchanged()).isEqualTo(amounts.length);
        java.sql.Timestamp created = jdbc.sql("SELECT created_at FROM invoice WHERE invoice_no = ?").param(p + "AMT-0")
                .query(java.sql.Timestamp.class).single();
        assertThat(created.toInstant()).isEqualTo(java.time.Instant.parse("2026-06-30T02:00:00Z"));
    }

    // ---------------------------------------------------------------- malformed files

    @Test
    void unbalancedQuotesAreAFileErrorNamingTheRow() throws Exception {
        Answer a = upload("invoices", "finance", "x.csv", csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-02-04,100".formatted(c1),
                p + "INV-2,\"%s,2026-01-05,2026-02-04,100".formatted(c1),
                p + "INV-3,%s,2026-01-05,2026-02-04,100".formatted(c1))));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.error(0).row()).isEqualTo(3);
        assertThat(a.error(0).column()).isEqualTo("file");
        assertThat(a.error(0).message()).contains("malformed CSV").contains("quote");
        assertThat(count("invoice", "invoice_no")).isZero();
    }

    @Test
    void wrongColumnCountIsARowError() throws Exception {
        Answer a = upload("invoices", "finance", "x.csv", csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-02-04,100".formatted(c1),
                p + "INV-2,%s,2026-01-05,2026-02-04,1,000.00".formatted(c1))), "mode", "valid-rows");
        assertThat(a.report().imported()).isEqualTo(1);
        assertThat(a.error(0).row()).isEqualTo(3);
        assertThat(a.error(0).column()).isEqualTo("columns");
        assertThat(a.error(0).value()).isEqualTo("6");
        assertThat(a.error(0).message()).contains("the header has 5 columns");
    }

    @Test
    void bomAndGbkEncodedFilesAreDetected() throws Exception {
        String text = "客户编码,客户名称,区域\n" + p + "G1,北京京东方显示技术有限公司,华北\n";
        Answer gbk = upload("customers", "admin", "gbk.csv", text.getBytes(Charset.forName("GBK")));
        assertThat(gbk.status()).isEqualTo(200);
        assertThat(gbk.report().imported()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM customer WHERE code = ?").param(p + "G1").query(String.class).single())
                .isEqualTo("北京京东方显示技术有限公司");

        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(("customer_code,name,region\n" + p + "B1,上海宝钢包装股份有限公司,华东\n").getBytes(StandardCharsets.UTF_8));
        Answer withBom = upload("customers", "admin", "bom.csv", bom.toByteArray());
        assertThat(withBom.report().imported()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT region FROM customer WHERE code = ?").param(p + "B1").query(String.class).single()).isEqualTo("华东");
    }

    @Test
    void anXlsxThatIsNotASpreadsheetAndABinaryCsvAreRefused() throws Exception {
        Answer fake = upload("invoices", "finance", "invoices.xlsx", csv(invoices(p + "INV-1,%s,2026-01-05,2026-02-04,100".formatted(c1))));
        assertThat(fake.status()).isEqualTo(422);
        assertThat(fake.error(0).column()).isEqualTo("file");
        assertThat(fake.error(0).message()).contains("not an XLSX spreadsheet");

        byte[] broken = new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0};
        Answer corrupt = upload("invoices", "finance", "invoices.xlsx", broken);
        assertThat(corrupt.status()).isEqualTo(422);
        assertThat(corrupt.error(0).message()).contains("not a readable XLSX spreadsheet");

        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[10] = 0;
        Answer bin = upload("invoices", "finance", "invoices.csv", binary);
        assertThat(bin.status()).isEqualTo(422);
        assertThat(bin.error(0).column()).isEqualTo("file");
        assertThat(bin.error(0).message()).contains("binary");
        assertThat(count("invoice", "invoice_no")).isZero();
    }

    @Test
    void tenMegabytesWithOneBadRowAtTheEndWritesNothing() throws Exception {
        StringBuilder b = new StringBuilder("invoice_no,customer_code,issue_date,due_date,amount,currency,business_unit\n");
        int rows = 0;
        while (b.length() < 10 * 1024 * 1024) {
            rows++;
            b.append(p).append("BIG-").append(rows).append(',').append(rows % 2 == 0 ? c1 : c2).append(",2026-01-05,2026-02-04,")
                    .append(1000 + rows % 997).append(".25,CNY,华东工业品事业部\n");
        }
        b.append(p).append("BIG-LAST,").append(c1).append(",2026-01-05,2026-02-04,not-an-amount,CNY,x\n");
        Answer a = upload("invoices", "finance", "big.csv", csv(b.toString()));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.report().rejected()).isEqualTo(1);
        assertThat(a.report().errors()).hasSize(1);
        assertThat(a.error(0).row()).isEqualTo(rows + 2L);
        assertThat(a.error(0).column()).isEqualTo("amount");
        assertThat(a.error(0).value()).isEqualTo("not-an-amount");
        assertThat(count("invoice", "invoice_no")).isZero();
    }

    // ---------------------------------------------------------------- payments

    @Test
    void paymentsAllocateOldestDueFirstOrToTheNamedInvoiceAndNeverOverAllocate() throws Exception {
        upload("invoices", "finance", "i.csv", csv(invoices(
                p + "INV-LATE,%s,2026-03-01,2026-04-30,1000".formatted(c1),
                p + "INV-OLD,%s,2026-01-01,2026-01-31,1000".formatted(c1),
                p + "INV-NAMED,%s,2026-02-01,2026-03-31,500".formatted(c1))));
        byte[] file = csv("""
                收款单号,客户编码,收款日期,金额,付款方式,发票号
                %1$sP-1,%2$s,2026-05-01,"1,200.00",银行转账,
                %1$sP-2,%2$s,2026-05-02,300,银行承兑汇票,%1$sINV-NAMED
                """.formatted(p, c1));
        Answer a = upload("payments", "finance", "p.csv", file);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.report().imported()).isEqualTo(2);
        assertThat(invoice(p + "INV-OLD").open()).isEqualByComparingTo("0");
        assertThat(invoice(p + "INV-NAMED").open()).isEqualByComparingTo("0");
        assertThat(invoice(p + "INV-LATE").open()).isEqualByComparingTo("1000");
        assertThat(invoice(p + "INV-NAMED").paid()).isEqualByComparingTo("500");
        assertThat(jdbc.sql("SELECT method FROM payment WHERE payment_ref = ?").param(p + "P-2").query(String.class).single())
                .isEqualTo("BANK_ACCEPTANCE_DRAFT");

        assertThat(upload("payments", "finance", "p.csv", file).report().unchanged()).isEqualTo(2);

        Answer over = upload("payments", "finance", "p2.csv", csv("""
                payment_ref,customer_code,payment_date,amount,invoice_no
                %1$sP-3,%2$s,2026-05-03,1000.01,%1$sINV-LATE
                """.formatted(p, c1)));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.error(0).row()).isEqualTo(2);
        assertThat(over.error(0).column()).isEqualTo("amount");
        assertThat(over.error(0).value()).isEqualTo("1000.01");
        assertThat(over.error(0).message()).contains("over-allocation").contains("1000.00");
        assertThat(count("payment", "payment_ref")).isEqualTo(2);

        Answer unapplied = upload("payments", "finance", "p3.csv", csv("""
                payment_ref,customer_code,payment_date,amount
                %1$sP-4,%2$s,2026-05-04,1200
                """.formatted(p, c1)));
        assertThat(unapplied.report().imported()).isEqualTo(1);
        assertThat(invoice(p + "INV-LATE").open()).isEqualByComparingTo("0");
        long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(c1).query(Long.class).single();
        assertThat(ledger.unapplied(id)).isEqualByComparingTo("200");

        Answer changed = upload("payments", "manager", "p4.csv", csv("""
                payment_ref,customer_code,payment_date,amount,method
                %1$sP-4,%2$s,2026-05-05,1300,现金
                %1$sP-1,%2$s,2026-05-01,1000,银行转账
                """.formatted(p, c1)), "mode", "valid-rows");
        assertThat(changed.report().updated()).isEqualTo(1);
        assertThat(changed.error(0).row()).isEqualTo(3);
        assertThat(changed.error(0).message()).contains("below the 1200.00 already allocated");
        assertThat(ledger.unapplied(id)).isEqualByComparingTo("300");
        assertThat(history.forEntity("PAYMENT", p + "P-4")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("UPDATE");
            assertThat(e.before()).contains("1200");
            assertThat(e.after()).contains("1300").contains("CASH");
        });
        BalanceCheck.assertReadModelMatchesLedger(jdbc);

        // moving an allocated payment to a later date moves the day its invoice counts as paid
        Answer later = upload("payments", "manager", "p5.csv", csv("""
                payment_ref,customer_code,payment_date,amount,method
                %1$sP-2,%2$s,2026-06-20,300,银行承兑汇票
                """.formatted(p, c1)));
        assertThat(later.report().updated()).isEqualTo(1);
        BalanceCheck.assertReadModelMatchesLedger(jdbc);
        assertThat(jdbc.sql("SELECT s.settled_on FROM invoice_settlement s JOIN invoice i ON i.id = s.invoice_id WHERE i.invoice_no = ?")
                .param(p + "INV-NAMED").query(java.time.LocalDate.class).single()).isEqualTo("2026-06-20");
    }

    // ---------------------------------------------------------------- customers

    @Test
    void customersFollowTheCustomerRules() throws Exception {
        Answer a = upload("customers", "admin", "c.csv", csv("""
                客户编码,客户名称,统一社会信用代码,负责人,信用额度,账期,等级
                %1$sA,甲公司,91350100M000100Y43,collector1,100000,30,a
                %1$sB,乙公司,91350100M000100Y44,collector1,,,
                %1$sC,丙公司,,nobody,,,
                %1$sD,丁公司,,,-1,4000,
                bad code!,戊公司,,,,,
                """.formatted(p)), "mode", "valid-rows");
        assertThat(a.report().imported()).isEqualTo(1);
        assertThat(a.report().errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "credit_code"),
                org.assertj.core.groups.Tuple.tuple(4L, "owner"),
                org.assertj.core.groups.Tuple.tuple(5L, "credit_limit"),
                org.assertj.core.groups.Tuple.tuple(5L, "credit_days"),
                org.assertj.core.groups.Tuple.tuple(6L, "customer_code"));
        assertThat(jdbc.sql("SELECT grade FROM customer WHERE code = ?").param(p + "A").query(String.class).single()).isEqualTo("A");

        Answer update = upload("customers", "manager", "c2.csv", csv("""
                customer_code,name,credit_limit
                %1$sA,甲公司（新名）,100000.00
                """.formatted(p)));
        assertThat(update.report().updated()).isEqualTo(1);
        assertThat(history.forEntity("CUSTOMER", p + "A")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("UPDATE");
            assertThat(e.after()).contains("甲公司（新名）");
        });
        assertThat(jdbc.sql("SELECT owner FROM customer WHERE code = ?").param(p + "A").query(String.class).single()).isEqualTo("collector1");
    }

    // ---------------------------------------------------------------- roles and portfolios

    @Test
    void legalMayNotImportCollectorsNoLedgerAndACollectorOnlyTheirOwnCustomers() throws Exception {
        byte[] file = csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-02-04,100".formatted(c1),
                p + "INV-2,%s,2026-01-05,2026-02-04,100".formatted(c2)));
        assertThat(upload("invoices", "legal", "x.csv", file).status()).isEqualTo(403);
        // invoices and payments write the ledger: finance and managers only, as in the single-row API
        assertThat(upload("invoices", "collector1", "x.csv", file, "mode", "valid-rows").status()).isEqualTo(403);
        assertThat(invoice(p + "INV-1")).isNull();

        Answer others = upload("customers", "collector2", "c.csv", csv("customer_code,name\n" + c1 + ",改名\n"));
        assertThat(others.error(0).message()).isEqualTo("unknown customer");
        Answer own = upload("customers", "collector2", "c.csv", csv("customer_code,name\n" + p + "NEW,新客户\n"));
        assertThat(own.report().imported()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT owner FROM customer WHERE code = ?").param(p + "NEW").query(String.class).single()).isEqualTo("collector2");
    }

    // ---------------------------------------------------------------- exports

    byte[] download(String url, org.springframework.test.web.servlet.request.RequestPostProcessor auth) throws Exception {
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url).with(auth)).andReturn();
        if (r.getRequest().isAsyncStarted()) {
            r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(r)).andReturn();
        }
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsByteArray();
    }

    static java.util.List<java.util.List<String>> readXlsx(byte[] bytes) throws IOException {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes));
                var stream = wb.getFirstSheet().openStream()) {
            stream.forEach(r -> {
                java.util.List<String> cells = new java.util.ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    var cell = r.getCell(i);
                    cells.add(cell == null ? "" : cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                            ? cell.asNumber().stripTrailingZeros().toPlainString() : cell.getText());
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    @Test
    void exportedInvoicesShowBalancesAndImportAgainUnchanged() throws Exception {
        upload("invoices", "finance", "i.csv", csv(invoices(
                p + "INV-1,%s,2026-01-05,2026-02-04,1000".formatted(c1),
                p + "INV-2,%s,2026-03-05,2026-08-04,2500.50".formatted(c1),
                p + "INV-3,%s,2026-03-05,2026-04-04,700".formatted(c2))));
        upload("payments", "finance", "p.csv", csv("payment_ref,customer_code,payment_date,amount\n" + p + "P-1," + c1 + ",2026-02-01,400\n"));

        byte[] xlsx = download("/api/exports/invoices?format=xlsx&customerCode=" + c1, httpBasic("finance", "finance"));
        var rows = readXlsx(xlsx);
        assertThat(rows.get(0).subList(0, 9)).containsExactly("invoice_no", "customer_code", "issue_date", "due_date", "amount", "currency",
                "contract_no", "tax_invoice_no", "business_unit");
        assertThat(rows.get(0)).contains("open_amount", "overdue_amount", "days_overdue", "status");
        assertThat(rows).hasSize(3);
        int open = rows.get(0).indexOf("open_amount");
        int status = rows.get(0).indexOf("status");
        assertThat(rows.get(1).get(0)).isEqualTo(p + "INV-1");
        assertThat(rows.get(1).get(open)).isEqualTo("600");
        assertThat(rows.get(1).get(status)).isEqualTo("OVERDUE");
        assertThat(rows.get(2).get(open)).isEqualTo("2500.5");
        Answer again = upload("invoices", "finance", "export.xlsx", xlsx);
        assertThat(again.report().unchanged()).isEqualTo(2);
        assertThat(again.report().imported() + again.report().updated()).isZero();

        byte[] csvFile = download("/api/exports/invoices?format=csv&q=" + p.toLowerCase(), httpBasic("finance", "finance"));
        String text = new String(csvFile, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFinvoice_no,customer_code,issue_date,due_date,amount,");
        assertThat(text.lines().count()).isEqualTo(4);
        assertThat(text).contains(p + "INV-3," + c2 + ",2026-03-05,2026-04-04,700.00,CNY");
        assertThat(upload("invoices", "finance", "export.csv", csvFile).report().unchanged()).isEqualTo(3);

        String zh = new String(download("/api/exports/invoices?format=csv&lang=zh&customerCode=" + c2, httpBasic("finance", "finance")),
                StandardCharsets.UTF_8);
        assertThat(zh).startsWith("\uFEFF发票号,客户编码,开票日期,到期日,金额");
        assertThat(upload("invoices", "finance", "zh.csv", zh.getBytes(StandardCharsets.UTF_8)).report().unchanged()).isEqualTo(1);
    }

    @Test
    void customerAndPaymentExportsAreLimitedToTheCollectorsPortfolio() throws Exception {
        upload("payments", "finance", "p.csv", csv("payment_ref,customer_code,payment_date,amount,method\n"
                + p + "P-1," + c1 + ",2026-02-01,400,CASH\n" + p + "P-2," + c2 + ",2026-02-02,500,\n"));
        String customers = new String(download("/api/exports/customers?format=csv&q=" + p.toLowerCase(), httpBasic("collector1", "collector1")),
                StandardCharsets.UTF_8);
        assertThat(customers).contains(c1 + ",").doesNotContain(c2 + ",");
        assertThat(customers.lines().skip(1).findFirst().orElseThrow()).startsWith(c1 + ",苏州恒达精密机械有限公司,华东,,,collector1,500000.00,60,B,");
        assertThat(upload("customers", "admin", "c.csv", customers.getBytes(StandardCharsets.UTF_8)).report().unchanged()).isEqualTo(1);

        var payments = readXlsx(download("/api/exports/payments?format=xlsx&q=" + p.toLowerCase(), httpBasic("manager", "manager")));
        assertThat(payments).hasSize(3);
        assertThat(payments.get(0).subList(0, 5)).containsExactly("payment_ref", "customer_code", "payment_date", "amount", "method");
        assertThat(payments.get(1).get(4)).isEqualTo("CASH");
        assertThat(payments.get(0).indexOf("unapplied")).isPositive();
        assertThat(payments.get(1).get(payments.get(0).indexOf("unapplied"))).isEqualTo("400");

        var mine = readXlsx(download("/api/exports/payments?format=xlsx", httpBasic("collector2", "collector2")));
        assertThat(mine).extracting(r -> r.get(1)).doesNotContain(c1);

        byte[] page = download("/exports/customers?format=csv&q=" + p.toLowerCase(),
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("collector2").roles("COLLECTOR"));
        assertThat(new String(page, StandardCharsets.UTF_8)).contains(c2 + ",").doesNotContain(c1 + ",");
    }

    @Test
    void unknownKindAndModeAreClientErrors() throws Exception {
        byte[] file = csv(invoices());
        assertThat(upload("contracts", "admin", "x.csv", file).status()).isEqualTo(404);
        assertThat(upload("invoices", "admin", "x.csv", file, "mode", "some").status()).isEqualTo(400);
        assertThat(upload("invoices", "admin", "empty.csv", new byte[0]).status()).isEqualTo(422);
    }
}
