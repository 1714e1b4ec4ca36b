package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The case claim computed from the calculators (the worked example: 100,000.00 due 2026-01-31, as of 2026-03-31 at
 * 万分之五 = 2,950.00 over 59 days; the court fee of the procedure on principal + interest; the contract's own clause
 * before the chosen basis; bad input named), a case opened with the computed claim, and the case's evidence pack read
 * back (the case's invoices only, its documents included, the index naming the case). H2 and PostgreSQL.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class CaseClaimBehaviour {

    static final byte[] JUDGMENT = "%PDF-1.4\n% 民事判决书 (2026)苏05民初88号\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] NOTE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 9, 9};

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;

    String code;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "ccol", Role.COLLECTOR);
        clock.set(LocalDate.of(2026, 6, 30), LocalTime.of(10, 0));
        code = "CC" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"苏州恒远机电有限公司","owner":"ccol"}""".formatted(code)).andExpect(status().isCreated());
        invoice("A", "2026-01-01", "2026-01-31", "100000.00", null);
    }

    void invoice(String name, String issue, String due, String amount, String contractNo) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s%s}"""
                .formatted(code, name, code, issue, due, amount, contractNo == null ? "" : ",\"contractNo\":\"" + contractNo + "\""))
                .andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    ResultActions estimate(String user, String... params) throws Exception {
        MockHttpServletRequestBuilder req = get("/api/legal-cases/claim-estimate").param("customer", code);
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return call(req, user, null);
    }

    @Test
    void theWorkedExampleAtTheSmeDailyRateWithTheCourtFeeOfALawsuitOnTheTotal() throws Exception {
        estimate("legal", "invoiceNos", code + "-A", "kind", "LAWSUIT", "asOf", "2026-03-31", "basis", "DAILY_RATE", "rate", "0.0005")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.principal").value(100000.00))
                .andExpect(jsonPath("$.interest").value(2950.00))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].invoiceNo").value(code + "-A"))
                .andExpect(jsonPath("$.lines[0].from").value("2026-02-01"))
                .andExpect(jsonPath("$.lines[0].to").value("2026-03-31"))
                .andExpect(jsonPath("$.lines[0].days").value(59))
                .andExpect(jsonPath("$.lines[0].interest").value(2950.00))
                .andExpect(jsonPath("$.lines[0].contractClause").value(false))
                // 诉讼费用交纳办法 art. 13 on 102,950.00: 50 + 90,000 × 2.5% + 2,950 × 2% = 2,359.00
                .andExpect(jsonPath("$.courtProcedure").value("LAWSUIT"))
                .andExpect(jsonPath("$.courtFee").value(2359.00))
                .andExpect(jsonPath("$.total").value(105309.00));
        // the summary procedure halves it, a payment order is a third, preservation has its own bands
        estimate("legal", "kind", "LAWSUIT", "procedure", "SUMMARY", "asOf", "2026-03-31").andExpect(status().isOk())
                .andExpect(jsonPath("$.interest").value(2950.00)).andExpect(jsonPath("$.courtFee").value(1179.50));
        estimate("legal", "kind", "PAYMENT_ORDER", "asOf", "2026-03-31").andExpect(status().isOk())
                .andExpect(jsonPath("$.courtFee").value(786.33)).andExpect(jsonPath("$.total").value(103736.33));
        estimate("finance", "kind", "PRESERVATION", "asOf", "2026-03-31").andExpect(status().isOk())
                .andExpect(jsonPath("$.courtFee").value(1034.75));
        // no court fee of a lawyer letter; arbitration and enforcement fees are left to the user
        estimate("legal", "kind", "LAWYER_LETTER", "asOf", "2026-03-31").andExpect(status().isOk())
                .andExpect(jsonPath("$.courtFee").doesNotExist()).andExpect(jsonPath("$.courtFeeNote").value("NONE"))
                .andExpect(jsonPath("$.total").value(102950.00));
        estimate("legal", "kind", "ARBITRATION", "asOf", "2026-03-31").andExpect(status().isOk())
                .andExpect(jsonPath("$.courtFee").doesNotExist()).andExpect(jsonPath("$.courtFeeNote").value("ARBITRATION"));
        // an invoice not yet due on asOf earns nothing
        estimate("legal", "invoiceNos", code + "-A", "kind", "LAWSUIT", "asOf", "2026-01-31").andExpect(status().isOk())
                .andExpect(jsonPath("$.interest").value(0)).andExpect(jsonPath("$.lines[0].days").value(0));
    }

    @Test
    void anInvoiceWhoseContractHasALateClauseIsRatedByItOthersByTheChosenBasis() throws Exception {
        call(post("/api/contracts"), "admin", """
                {"contractNo":"HT-%s","customerCode":"%s","signedDate":"2025-12-01","lateClause":"ANNUAL_RATE","lateRate":0.0365}"""
                .formatted(code, code)).andExpect(status().isCreated());
        invoice("K", "2026-01-20", "2026-02-28", "10000.00", "HT-" + code);
        // K: 10,000 × 3.65% × 31 / 365 = 31.00 by its contract; A: 100,000 × 6% × 59 / 365 = 969.86 at the chosen contract rate
        estimate("legal", "kind", "LAWSUIT", "asOf", "2026-03-31", "basis", "CONTRACT", "rate", "0.06").andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].invoiceNo").value(code + "-A"))
                .andExpect(jsonPath("$.lines[0].interest").value(969.86))
                .andExpect(jsonPath("$.lines[0].contractClause").value(false))
                .andExpect(jsonPath("$.lines[1].invoiceNo").value(code + "-K"))
                .andExpect(jsonPath("$.lines[1].basis").value("CONTRACT"))
                .andExpect(jsonPath("$.lines[1].rate").value(0.0365))
                .andExpect(jsonPath("$.lines[1].days").value(31))
                .andExpect(jsonPath("$.lines[1].interest").value(31.00))
                .andExpect(jsonPath("$.lines[1].contractClause").value(true))
                .andExpect(jsonPath("$.principal").value(110000.00))
                .andExpect(jsonPath("$.interest").value(1000.86));
        // a part payment lowers the principal and the interest from the as-of date's open amount
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-P","customerCode":"%s","paymentDate":"2026-03-01","amount":40000.00,"allocations":[{"invoiceNo":"%s-A","amount":40000.00}]}"""
                .formatted(code, code, code)).andExpect(status().isCreated());
        estimate("legal", "invoiceNos", code + "-A", "kind", "LAWSUIT", "asOf", "2026-03-31", "rate", "0.0005").andExpect(status().isOk())
                .andExpect(jsonPath("$.principal").value(60000.00)).andExpect(jsonPath("$.interest").value(1770.00));
    }

    @Test
    void badInputIsNamedByField() throws Exception {
        estimate("legal", "asOf", "2026-03-31").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        estimate("legal", "kind", "LAWSUIT", "basis", "WEEKLY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("basis"));
        estimate("legal", "kind", "LAWSUIT", "asOf", "2026-02-30").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        estimate("legal", "kind", "LAWSUIT", "rate", "abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
        estimate("legal", "kind", "LAWSUIT", "rate", "1.5").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
        estimate("legal", "kind", "LAWSUIT", "basis", "CONTRACT").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
        estimate("legal", "kind", "LAWSUIT", "markup", "0.5").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("markup"));
        estimate("legal", "kind", "LAWSUIT", "basis", "LPR", "rate", "0.0005").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
        estimate("legal", "kind", "PAYMENT_ORDER", "procedure", "SUMMARY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("procedure"));
        estimate("legal", "kind", "LAWSUIT", "invoiceNos", code + "-A,NOPE-1").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("invoiceNos[1]"));
        estimate("legal", "kind", "LAWSUIT", "asOf", "2026-01-15").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("invoiceNos"));
        call(get("/api/legal-cases/claim-estimate").param("kind", "LAWSUIT"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(get("/api/legal-cases/claim-estimate").param("customer", "NO-SUCH-" + code).param("kind", "LAWSUIT"), "legal", null)
                .andExpect(status().isNotFound());
        // a collector estimates only for own customers
        Api.user(users, "ccol2", Role.COLLECTOR);
        estimate("ccol2", "kind", "LAWSUIT").andExpect(status().isNotFound());
        estimate("ccol", "kind", "LAWSUIT").andExpect(status().isOk());
    }

    @Test
    void aCaseOpenedWithAnInterestMethodGetsTheComputedInterestAndCourtFeeAndKeepsTheMethod() throws Exception {
        JsonNode c = Api.json(call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"LAWSUIT","interestBasis":"DAILY_RATE","interestRate":0.0005,"interestAsOf":"2026-03-31","penalty":1000}"""
                .formatted(code)).andExpect(status().isCreated()));
        assertThat(c.get("interest").decimalValue()).isEqualByComparingTo("2950.00");
        assertThat(c.get("costs").decimalValue()).isEqualByComparingTo("2359.00");
        assertThat(c.get("claimTotal").decimalValue()).isEqualByComparingTo("106309.00");
        assertThat(c.get("interestMethod").get("basis").asString()).isEqualTo("DAILY_RATE");
        assertThat(c.get("interestMethod").get("asOf").asString()).isEqualTo("2026-03-31");
        // the computation is kept as it was: each invoice's interest and the court fee
        assertThat(c.get("interestMethod").get("courtFee").decimalValue()).isEqualByComparingTo("2359.00");
        assertThat(c.get("interestMethod").get("lines").size()).isEqualTo(1);
        assertThat(c.get("interestMethod").get("lines").get(0).get("days").asLong()).isEqualTo(59);
        assertThat(c.get("interestMethod").get("lines").get(0).get("interest").decimalValue()).isEqualByComparingTo("2950.00");
        // a payment later changes the open amount, not the computation the case was opened with
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-Q","customerCode":"%s","paymentDate":"2026-06-30","amount":1000.00,"allocations":[{"invoiceNo":"%s-A","amount":1000.00}]}"""
                .formatted(code, code, code)).andExpect(status().isCreated());
        call(get("/api/legal-cases/" + c.get("id").asLong()), "legal", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.interestMethod.lines[0].open").value(100000.00))
                .andExpect(jsonPath("$.openAmount").value(99000.00));
        // figures given are kept; the method is still recorded
        JsonNode given = Api.json(call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"PAYMENT_ORDER","interest":100,"interestBasis":"DAILY_RATE"}""".formatted(code))
                .andExpect(status().isCreated()));
        assertThat(given.get("interest").decimalValue()).isEqualByComparingTo("100");
        assertThat(given.get("interestMethod").get("asOf").asString()).isEqualTo("2026-06-30");
        // hand-entered: no method
        JsonNode hand = Api.json(call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"LAWYER_LETTER","interest":5}""".formatted(code)).andExpect(status().isCreated()));
        assertThat(hand.get("interestMethod").isNull()).isTrue();
        call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"LAWSUIT","interestBasis":"MONTHLY"}""".formatted(code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("interestBasis"));
        call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"LAWSUIT","interestBasis":"CONTRACT"}""".formatted(code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
    }

    @Test
    void theCasePackHoldsTheCasesInvoicesItsDocumentsAndAnIndexNamingTheCase() throws Exception {
        invoice("B", "2026-02-01", "2026-03-03", "5000.00", null);
        long id = Api.json(call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","invoiceNos":["%s-A"],"kind":"LAWSUIT","court":"苏州市中级人民法院","caseNo":"(2026)苏05民初88号","interest":2950}"""
                .formatted(code, code)).andExpect(status().isCreated())).get("id").asLong();
        // a judgment uploaded for the case naming no invoice, a delivery note of the other invoice
        mvc.perform(multipart("/api/customers/" + code + "/attachments").file(new MockMultipartFile("file", "判决书.pdf", "application/pdf", JUDGMENT))
                .param("category", "JUDGMENT").param("ownerKind", "CASE").param("ownerId", String.valueOf(id)).param("documentDate", "2026-06-20")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("legal", "legal"))).andExpect(status().isCreated());
        mvc.perform(multipart("/api/customers/" + code + "/attachments").file(new MockMultipartFile("file", "送货单B.png", "image/png", NOTE))
                .param("category", "DELIVERY").param("invoiceNos", code + "-B").param("documentDate", "2026-02-01")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("legal", "legal"))).andExpect(status().isCreated());
        // a case id that is not this customer's is refused by name
        mvc.perform(multipart("/api/customers/" + code + "/attachments").file(new MockMultipartFile("file", "x.pdf", "application/pdf", JUDGMENT))
                .param("category", "JUDGMENT").param("ownerKind", "CASE").param("ownerId", "999999999")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("legal", "legal"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));

        byte[] zip = call(get("/api/legal-cases/" + id + "/evidence-pack"), "legal", null).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("evidence-case-" + id + "-2026-06-30.zip")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = EvidencePackBehaviour.unzip(zip);
        assertThat(files).containsKey("11-case/2026-06-20_判决书.pdf");
        assertThat(files.get("11-case/2026-06-20_判决书.pdf")).isEqualTo(JUDGMENT);
        assertThat(files.keySet()).noneMatch(k -> k.contains("送货单B"));
        List<List<String>> invoices = EvidencePackBehaviour.sheet(files.get("03-invoices/invoices.xlsx"), 0);
        assertThat(invoices).hasSize(2); // header + A
        assertThat(invoices.get(1).get(0)).isEqualTo(code + "-A");
        String index = EvidencePackBehaviour.pdfText(files.get("01-index.pdf"));
        assertThat(index).contains("(2026)苏05民初88号", "苏州市中级人民法院", "诉讼", "102,950.00", "11-case/2026-06-20_判决书.pdf");
        String en = EvidencePackBehaviour.pdfText(EvidencePackBehaviour.unzip(call(get("/api/legal-cases/" + id + "/evidence-pack")
                .param("locale", "en"), "legal", null).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).get("01-index.pdf"));
        assertThat(en).contains("Case: #" + id, "Lawsuit");

        // the customer's own pack still holds both invoices and the delivery note
        Map<String, byte[]> customerPack = EvidencePackBehaviour.unzip(call(get("/api/customers/" + code + "/evidence-pack"), "legal", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(customerPack.keySet()).anyMatch(k -> k.contains("送货单B"));

        // roles and bad input as for the customer pack
        call(get("/api/legal-cases/" + id + "/evidence-pack"), "ccol", null).andExpect(status().isForbidden());
        call(get("/api/legal-cases/" + id + "/evidence-pack").param("asOf", "2027-01-01"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(get("/api/legal-cases/" + id + "/evidence-pack").param("locale", "fr"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("locale"));
        call(get("/api/legal-cases/999999999/evidence-pack"), "legal", null).andExpect(status().isNotFound());
    }
}
