package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lawyer letter's draft quotes the calculators' figures (today is 2026-06-30 in tests): invoice A under a contract
 * at 0.05% a day, invoice B without a contract at the default daily rate; the claim and the court fee on it.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class LawyerLetterFiguresBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String code;

    @BeforeEach
    void ledger() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "llfin", Role.FINANCE);
        Api.user(users, "lllegal", Role.LEGAL);
        code = "LLF" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"宁波德盛五金制品有限公司"}""".formatted(code)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/contracts"), "admin", """
                {"contractNo":"HT-%s","customerCode":"%s","signedDate":"2026-01-05","lateClause":"DAILY_RATE","lateRate":0.0005}"""
                .formatted(code, code)).andExpect(status().isCreated());
        invoice("A", "2026-03-10", "2026-04-09", "1000.00", true);
        invoice("B", "2026-04-15", "2026-05-15", "2500.50", false);
        invoice("C", "2026-06-01", "2026-07-31", "800.00", false); // not yet due: no interest, not claimed
    }

    void invoice(String name, String issue, String due, String amount, boolean contract) throws Exception {
        Api.call(mvc, post("/api/invoices"), "llfin", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s%s}"""
                .formatted(code, name, code, issue, due, amount, contract ? ",\"contractNo\":\"HT-" + code + "\"" : ""))
                .andExpect(status().isCreated());
    }

    private String draft(String locale) throws Exception {
        byte[] pdf = mvc.perform(get("/api/customers/" + code + "/letters/preview").param("kind", "LAWYER_LETTER").param("locale", locale)
                .with(httpBasic("lllegal", "lllegal"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", "");
        }
    }

    @Test
    void theDraftStatesTheInterestTheClaimAndTheCourtFee() throws Exception {
        // A: 1,000.00 × 0.0005 × 82 days (10 Apr – 30 Jun) = 41.00 under its contract;
        // B: 2,500.50 × 0.0005 × 46 days (16 May – 30 Jun) = 57.5115 → 57.51 at the default daily rate (no contract);
        // interest 98.51, claim 3,500.50 + 98.51 = 3,599.01, court fee 50.00 (art. 13: up to 10,000)
        String zh = draft("zh-CN");
        assertThat(zh).contains("逾期利息为人民币98.51元", "本息合计人民币3,599.01元", "每日万分之五", "案件受理费预计为人民币50.00元");
        String en = draft("en");
        assertThat(en).contains("amountstoCNY98.51", "atotalofCNY3,599.01", "0.05%aday", "estimatedatCNY50.00");
    }

    @Test
    void theTemplateEditorsSamplePreviewHasTheFiguresToo() throws Exception {
        // the sample's overdue invoices at 0.05% a day: 86,000 × 45 + 56,500 × 30 + 23,800 × 12 days → 1,935.00 + 847.50 + 142.80
        // = 2,925.30; claim 166,300.00 + 2,925.30 = 169,225.30; fee 50 + 2,250 + 69,225.30 × 2% = 3,684.506 → 3,684.51
        Api.call(mvc, post("/api/templates/preview"), "admin", """
                {"channel":"SMS","locale":"zh-CN","body":"{{interest.total}}|{{claim.total}}|{{courtFee.estimate}}|{{interest.basis}}"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.text").value("人民币2,925.30元|人民币169,225.30元|人民币3,684.51元|每日万分之五"));
    }
}
