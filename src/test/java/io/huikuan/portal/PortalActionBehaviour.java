package io.huikuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The debtor acts on the portal (issue 16, items 2 and 3), on H2 and PostgreSQL, through real links: a dispute lands with
 * its owner by category and its amount (default the open amount) and files; a promise is recorded for the collector; "we
 * paid" with a bank receipt opens a finance task with the receipt stored by its hash; a message lands on the timeline as an
 * inbound activity; every action tells the owner (a task) and shows in the collector's portal panel. Uploads of a wrong
 * type (an .exe renamed .jpg) or too large are refused; another customer's invoice → 404; CSRF required.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.portal.requests-per-minute-per-ip=1000",
        "huikuan.portal.requests-per-minute-per-link=1000"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class PortalActionBehaviour extends PortalFixture {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n% receipt\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};

    PortalActionBehaviour() {
        super("PA", "宁波海曙五金");
    }

    /** A portal form post from this test's IP, with the page's CSRF token. */
    <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions submit(B req) throws Exception {
        return mvc.perform(req.with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        }).header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50"));
    }

    static String error(ResultActions r) {
        Object e = r.andReturn().getFlashMap().get("portalError");
        return e == null ? null : e.toString();
    }


    @Test
    void aDisputeLandsWithItsOwnerByCategoryItsAmountAndItsPhoto() throws Exception {
        String c = customer("D");
        invoice(c, c + "-I1", "2025-05-01", "2000.00");
        invoice(c, c + "-I2", "2025-05-20", "800.00");
        String url = linkUrl(c);

        assertThat(body(open(url).andExpect(status().isOk()))).contains(url + "/actions");
        assertThat(body(open(url + "/actions?invoice=" + c + "-I1").andExpect(status().isOk())))
                .contains("对发票有异议", "承诺付款", "我们已付款", "联系催收负责人", "2000.00");

        MockMultipartHttpServletRequestBuilder req = multipart(url + "/disputes");
        req.file(new MockMultipartFile("files", "破损.png", "image/png", PNG));
        ResultActions r = submit(req.param("invoiceNo", c + "-I1").param("category", "QUALITY").param("text", "货物破损 3 箱"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url + "/actions"));
        assertThat(error(r)).isNull();
        assertThat(r.andReturn().getFlashMap().get("portalDone").toString()).contains("已收到您的异议");
        Map<String, Object> d = jdbc.sql("""
                SELECT x.id, x.amount, x.category, x.owner_function, x.reason FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id
                WHERE i.invoice_no = ?""").param(c + "-I1").query().singleRow();
        assertThat((BigDecimal) d.get("amount")).as("the open amount by default").isEqualByComparingTo("2000.00");
        assertThat(d.get("category")).isEqualTo("QUALITY");
        assertThat(d.get("owner_function")).isEqualTo("QUALITY");
        assertThat(d.get("reason").toString()).contains("货物破损 3 箱", "门户");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertThat(count("SELECT count(*) FROM attachment WHERE owner_kind = 'DISPUTE' AND owner_id = ? AND sha256 = ?",
                String.valueOf(d.get("id")), sha)).as("the photo stored with its hash, on the dispute").isEqualTo(1);

        submit(post(url + "/disputes").param("invoiceNo", c + "-I2").param("category", "NOT_DELIVERED").param("amount", "300")
                .param("text", "第二批未到")).andExpect(status().is3xxRedirection());
        Map<String, Object> d2 = jdbc.sql("""
                SELECT x.amount, x.owner_function FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id WHERE i.invoice_no = ?""")
                .param(c + "-I2").query().singleRow();
        assertThat((BigDecimal) d2.get("amount")).isEqualByComparingTo("300.00");
        assertThat(d2.get("owner_function")).isEqualTo("LOGISTICS");

        String panel = body(Api.call(mvc, get("/customers/" + c + "/portal"), collector, null).andExpect(status().isOk()));
        assertThat(panel).contains("提出异议", c + "-I1", "2,000.00", c + "-I2", "300.00");
        assertThat(count("SELECT count(*) FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.assignee = ?"
                + " AND t.task_key LIKE 'portal-action-%'", c, collector)).as("the owner is told").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM activity a JOIN customer c ON c.id = a.customer_id WHERE c.code = ? AND a.direction = 'INBOUND'"
                + " AND a.notes LIKE '%" + c + "-I1%'", c)).as("on the timeline").isEqualTo(1);
    }

    @Test
    void wrongOrTooLargeFilesAndBadAmountsAreRefusedAndNothingIsHalfWritten() throws Exception {
        String c = customer("U");
        invoice(c, c + "-I1", "2025-05-01", "1000.00");
        String url = linkUrl(c);

        MockMultipartHttpServletRequestBuilder exe = multipart(url + "/disputes");
        exe.file(new MockMultipartFile("files", "photo.jpg", "image/jpeg", EXE));
        assertThat(error(submit(exe.param("invoiceNo", c + "-I1").param("category", "QUALITY").param("text", "x"))
                .andExpect(status().is3xxRedirection()))).as("an .exe renamed .jpg").isNotNull();
        MockMultipartHttpServletRequestBuilder type = multipart(url + "/receipts");
        type.file(new MockMultipartFile("file", "setup.exe", "application/octet-stream", EXE));
        assertThat(error(submit(type.param("amount", "100").param("paidOn", "2025-06-09")))).contains("JPEG");
        MockMultipartHttpServletRequestBuilder big = multipart(url + "/receipts");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        big.file(new MockMultipartFile("file", "回单.pdf", "application/pdf", large));
        assertThat(error(submit(big.param("amount", "100").param("paidOn", "2025-06-09")))).contains("10MB");
        assertThat(error(submit(post(url + "/disputes").param("invoiceNo", c + "-I1").param("category", "QUALITY").param("amount", "1000.01")
                .param("text", "too much")))).as("more than the open amount").isNotNull();
        assertThat(error(submit(post(url + "/promises").param("amount", "-5").param("date", "2025-06-20")))).isNotNull();
        assertThat(error(submit(post(url + "/promises").param("amount", "5").param("date", "2025-06-01")))).as("before today").isNotNull();
        assertThat(error(submit(post(url + "/messages").param("text", " ")))).isNotNull();

        assertThat(count("SELECT count(*) FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id WHERE i.invoice_no = ?", c + "-I1")).isZero();
        assertThat(count("SELECT count(*) FROM portal_action a JOIN customer c ON c.id = a.customer_id WHERE c.code = ?", c)).isZero();
        assertThat(count("SELECT count(*) FROM attachment a JOIN customer c ON c.id = a.customer_id WHERE c.code = ?", c)).isZero();
    }

    @Test
    void aPromiseAReceiptAndAMessageLandWhereTheyShould() throws Exception {
        String c = customer("P");
        invoice(c, c + "-I1", "2025-05-01", "5000.00");
        String url = linkUrl(c);

        assertThat(error(submit(post(url + "/promises").param("amount", "5000").param("date", "2025-06-30")))).isNull();
        Map<String, Object> p = jdbc.sql("SELECT p.amount, p.promised_date, p.status FROM promise p JOIN customer c ON c.id = p.customer_id WHERE c.code = ?")
                .param(c).query().singleRow();
        assertThat((BigDecimal) p.get("amount")).isEqualByComparingTo("5000.00");
        assertThat(p.get("promised_date").toString()).isEqualTo("2025-06-30");
        assertThat(p.get("status")).isEqualTo("OPEN");

        MockMultipartHttpServletRequestBuilder receipt = multipart(url + "/receipts");
        receipt.file(new MockMultipartFile("file", "回单.pdf", "application/pdf", PDF));
        assertThat(error(submit(receipt.param("amount", "1200.50").param("paidOn", "2025-06-09")))).isNull();
        Map<String, Object> task = jdbc.sql("""
                SELECT t.owner_role, t.assignee, t.note FROM collection_task t JOIN customer c ON c.id = t.customer_id
                WHERE c.code = ? AND t.task_key LIKE 'portal-receipt-%'""").param(c).query().singleRow();
        assertThat(task.get("owner_role")).isEqualTo("FINANCE");
        assertThat(task.get("assignee")).isNull();
        assertThat(task.get("note").toString()).contains("1200.50", "2025-06-09", "银行回单");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(count("SELECT count(*) FROM attachment a JOIN customer c ON c.id = a.customer_id WHERE c.code = ? AND a.category = 'BANK_RECEIPT'"
                + " AND a.sha256 = ?", c, sha)).isEqualTo(1);

        assertThat(error(submit(post(url + "/messages").param("text", "下周三前安排付款，请联系财务王女士")))).isNull();
        assertThat(count("SELECT count(*) FROM activity a JOIN customer c ON c.id = a.customer_id WHERE c.code = ? AND a.direction = 'INBOUND'"
                + " AND a.notes LIKE '%王女士%'", c)).isEqualTo(1);

        String panel = body(Api.call(mvc, get("/customers/" + c + "/portal"), collector, null).andExpect(status().isOk()));
        assertThat(panel).contains("承诺付款", "5,000.00", "告知已付款", "1,200.50", "留言", "王女士");
        assertThat(count("SELECT count(*) FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.assignee = ?"
                + " AND t.task_key LIKE 'portal-action-%'", c, collector)).isEqualTo(3);
        String timeline = body(Api.call(mvc, get("/customers/" + c + "/timeline"), collector, null).andExpect(status().isOk()));
        assertThat(timeline).contains("王女士");
    }

    @Test
    void aProposedPlanWaitsPendingInTheApproversQueueWithThePolicyCheck() throws Exception {
        String c = customer("N");
        invoice(c, c + "-I1", "2025-05-01", "2000.00");
        invoice(c, c + "-I2", "2025-05-15", "1000.01");
        String url = linkUrl(c);

        assertThat(error(submit(post(url + "/plans").param("installments", "3").param("firstDate", "2025-06-20")))).isNull();
        Map<String, Object> plan = jdbc.sql("""
                SELECT p.id, p.status, p.total, p.negotiated_by FROM payment_plan p JOIN customer c ON c.id = p.customer_id WHERE c.code = ?""")
                .param(c).query().singleRow();
        assertThat(plan.get("status")).as("never approved by the debtor").isEqualTo("PENDING_APPROVAL");
        assertThat((BigDecimal) plan.get("total")).isEqualByComparingTo("3000.01");
        assertThat(plan.get("negotiated_by").toString()).startsWith("portal:");
        assertThat(jdbc.sql("SELECT amount FROM payment_plan_installment WHERE plan_id = ? ORDER BY number").param(plan.get("id"))
                .query(BigDecimal.class).list()).extracting(BigDecimal::toPlainString).containsExactly("1000.00", "1000.00", "1000.01");
        assertThat(count("SELECT count(*) FROM negotiation_approval WHERE subject_kind = 'PAYMENT_PLAN' AND subject_id = ?", plan.get("id"))).as("no approval counted").isZero();
        String queue = body(Api.call(mvc, get("/payment-plans"), "manager", null).andExpect(status().isOk()));
        assertThat(queue).contains("data-id=\"" + plan.get("id") + "\"");
        assertThat(body(Api.call(mvc, get("/customers/" + c + "/portal"), collector, null))).contains("提议分期", "3,000.01", "within policy");

        String far = customer("F");
        invoice(far, far + "-I1", "2025-05-01", "2400.00");
        String farUrl = linkUrl(far);
        assertThat(error(submit(post(farUrl + "/plans").param("installments", "24").param("firstDate", "2025-06-20")))).isNull();
        assertThat(jdbc.sql("SELECT p.policy_breaches FROM payment_plan p JOIN customer c ON c.id = p.customer_id WHERE c.code = ?").param(far)
                .query(String.class).single()).as("outside the policy: one more approval").isNotBlank();
        assertThat(body(Api.call(mvc, get("/customers/" + far + "/portal"), collector, null))).contains("outside policy");
        assertThat(error(submit(post(farUrl + "/plans").param("installments", "1").param("firstDate", "2025-06-20")))).isNotNull();
        assertThat(error(submit(post(farUrl + "/plans").param("installments", "3").param("firstDate", "2025-06-01")))).isNotNull();
    }

    @Test
    void anotherCustomersOrAnUnknownInvoiceIs404AndFormsNeedTheCsrfToken() throws Exception {
        String a = customer("A");
        String b = customer("B");
        invoice(a, a + "-I1", "2025-05-01", "100.00");
        invoice(b, b + "-I9", "2025-05-01", "900.00");
        String url = linkUrl(a);

        submit(post(url + "/disputes").param("invoiceNo", b + "-I9").param("category", "PRICE").param("text", "x")).andExpect(status().isNotFound());
        submit(post(url + "/disputes").param("invoiceNo", "NO-SUCH").param("category", "PRICE").param("text", "x")).andExpect(status().isNotFound());
        open(url + "/actions?invoice=" + b + "-I9").andExpect(status().isNotFound());
        assertThat(body(open(url + "/actions").andExpect(status().isOk()))).contains(a + "-I1").doesNotContain(b + "-I9");
        assertThat(count("SELECT count(*) FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id WHERE i.invoice_no = ?", b + "-I9")).isZero();

        mvc.perform(post(url + "/messages").param("text", "hello").with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isForbidden());
        assertThat(count("SELECT count(*) FROM portal_action a JOIN customer c ON c.id = a.customer_id WHERE c.code = ?", a)).isZero();
    }
}
