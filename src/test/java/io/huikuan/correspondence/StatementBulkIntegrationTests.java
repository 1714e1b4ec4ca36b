package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.common.NotFoundException;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.time.LocalDate;
import java.util.List;
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
 * Bulk issuing ({@link Documents#issueStatements}): each customer gets the statement a single issue gives
 * (numbered, stored, its own name and invoices in the PDF); one unknown customer stores none of them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatementBulkIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    Documents documents;

    String a;
    String b;

    @BeforeEach
    void customers() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        a = "BULKA" + run;
        b = "BULKB" + run;
        customer(a, "杭州联华五金有限公司", "2026-05-10", "880.00");
        customer(b, "宁波东海物流有限公司", "2026-06-02", "1234.56");
    }

    void customer(String code, String name, String issued, String amount) throws Exception {
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"%s"}""".formatted(code, name)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"%s","dueDate":"2026-07-31","amount":%s}"""
                .formatted(code, code, issued, amount)).andExpect(status().isCreated());
    }

    @Test
    void eachCustomerGetsItsOwnNumberedStatement() throws Exception {
        List<Documents.Document> issued = documents.issueStatements(List.of(a, b), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30"));

        assertThat(issued).extracting(Documents.Document::customerCode).containsExactly(a, b);
        assertThat(issued).extracting(Documents.Document::number).allMatch(n -> n.matches("ST-2026-\\d{6}")).doesNotHaveDuplicates();
        assertThat(text(issued.get(0))).contains("杭州联华五金有限公司", a + "-1", "880.00").doesNotContain(b);
        assertThat(text(issued.get(1))).contains("宁波东海物流有限公司", b + "-1", "1,234.56").doesNotContain(a);
        assertThat(documents.forCustomer(a)).hasSize(1);
        assertThat(documents.forCustomer(b)).hasSize(1);
    }

    @Test
    void anUnknownCustomerStoresNoneOfTheBatch() {
        assertThatThrownBy(() -> documents.issueStatements(List.of(a, "NO-SUCH-" + a, b), LocalDate.parse("2026-04-01"), null))
                .isInstanceOf(NotFoundException.class);
        assertThat(documents.forCustomer(a)).isEmpty();
        assertThat(documents.forCustomer(b)).isEmpty();
    }

    private String text(Documents.Document d) throws Exception {
        Documents.Content content = documents.content(d.id());
        assertThat(Documents.sha256(content.bytes())).isEqualTo(d.sha256());
        try (PDDocument pdf = Loader.loadPDF(content.bytes())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
