package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page renders in Chinese and English with real data, and the forms behave: errors are shown
 * next to the fields and nothing is written, good input redirects with a message, roles and
 * portfolios are respected. Today is 2026-06-30 in tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebPagesIntegrationTests {

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

    private String code;
    private String invoiceNo;
    private String paymentRef;

    @BeforeEach
    void data() {
        Api.user(users, "finance1", Role.FINANCE);
        Api.user(users, "manager1", Role.MANAGER);
        Api.user(users, "collector1", Role.COLLECTOR);
        Api.user(users, "collector2", Role.COLLECTOR);
        // outside a request the services act as the system user
        code = "WP-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        customers.create(new Customer(code, "杭州测试机电有限公司", null, "华东", "工业", "机电", "collector1", new BigDecimal("300000"), 60, "B",
                List.of(new Contact(null, "张敏", Contact.ContactRole.FINANCE, "财务经理", "0571-8888 1234", "zm@example.com", "zm_wx",
                        Contact.Channel.WECHAT))), "test data");
        invoiceNo = code + "-I1";
        invoices.create(new Invoice(invoiceNo, code, null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31), new BigDecimal("12345.67"),
                null, null, null, null), null);
        invoices.create(new Invoice(code + "-I2", code, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 31), new BigDecimal("20000.00"),
                null, null, null, null), null);
        paymentRef = code + "-P1";
        payments.post(new PaymentRequest(paymentRef, code, LocalDate.of(2026, 6, 15), new BigDecimal("5000.00"), null,
                PaymentMethod.BANK_TRANSFER, "first part", List.of(), true), null);
    }

    @Test
    void everyPageRendersInChineseAndEnglish() throws Exception {
        List<String> pages = List.of("/", "/customers", "/customers?q=WP&overdueOnly=true&sort=overdue&desc=true&grade=B",
                "/customers/new", "/customers/" + code, "/invoices", "/invoices?status=all&sort=amount&desc=true&dueFrom=2026-01-01",
                "/invoices/new", "/invoices/" + invoiceNo, "/payments", "/payments?unappliedOnly=true&from=2026-01-01",
                "/payments/new", "/payments/new?customer=" + code, "/payments/open-invoices?customerCode=" + code,
                "/payments/" + paymentRef, "/import");
        for (String lang : List.of("zh-CN", "en")) {
            for (String page : pages) {
                String html = mvc.perform(get(page).param("lang", lang).with(as("manager1", Role.MANAGER)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(page + " in " + lang).doesNotContain("??").doesNotContain("${");
            }
        }
        mvc.perform(get("/customers/" + code).param("lang", "en").with(as("manager1", Role.MANAGER)))
                .andExpect(content().string(containsString("Unified social credit code")))
                .andExpect(content().string(containsString("WeChat")))
                .andExpect(content().string(containsString("12,345.67")))
                .andExpect(content().string(containsString("27,345.67")));
        mvc.perform(get("/customers/" + code).param("lang", "zh-CN").with(as("manager1", Role.MANAGER)))
                .andExpect(content().string(containsString("统一社会信用代码")))
                .andExpect(content().string(containsString("应收余额")));
    }

    @Test
    void theCustomerPageShowsTheAccountAndTheHistory() throws Exception {
        mvc.perform(get("/customers/" + code).with(as("finance1", Role.FINANCE)))
                .andExpect(content().string(containsString("id=\"summary-open\">27,345.67<")))
                .andExpect(content().string(containsString("id=\"summary-overdue\">7,345.67<")))
                .andExpect(content().string(containsString("id=\"summary-paid\">5,000.00<")))
                .andExpect(content().string(containsString("张敏")))
                .andExpect(content().string(containsString(paymentRef)))
                .andExpect(content().string(containsString("test data")));
    }

    @Test
    void aNewCustomerFormShowsErrorsNextToTheFieldsAndSavesGoodInput() throws Exception {
        String html = mvc.perform(post("/customers").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("code", code + "N").param("name", "").param("creditCode", "91310000MA1FL1234X").param("creditLimit", "1,000")
                        .param("creditDays", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("field-error").contains("check character should be").contains("name=\"code\" value=\"" + code + "N\"");
        mvc.perform(get("/customers/" + code + "N").with(as("finance1", Role.FINANCE))).andExpect(status().isNotFound());

        mvc.perform(post("/customers").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("code", code + "N").param("name", "宁波新客户有限公司").param("creditCode", "91310000MA1FL1234Q")
                        .param("creditLimit", "¥1,000,000.00").param("creditDays", "45").param("grade", "A").param("owner", "collector2"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/customers/" + code + "N"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(get("/customers/" + code + "N").with(as("finance1", Role.FINANCE)))
                .andExpect(content().string(containsString("1,000,000.00")))
                .andExpect(content().string(containsString("91310000MA1FL1234Q")));
    }

    @Test
    void profileAndContactEditsKeepTheReasonInTheHistory() throws Exception {
        mvc.perform(post("/customers/" + code).with(csrf()).with(as("collector1", Role.COLLECTOR))
                        .param("name", "杭州测试机电有限公司").param("region", "华南").param("creditLimit", "300000").param("creditDays", "60")
                        .param("grade", "C").param("owner", "collector1").param("reason", "客户搬迁"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/customers/" + code + "/contacts").with(csrf()).with(as("collector1", Role.COLLECTOR))
                        .param("name", "李强").param("role", "DECISION_MAKER").param("email", "not-an-email"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不是有效的电子邮箱")));
        mvc.perform(post("/customers/" + code + "/contacts").with(csrf()).with(as("collector1", Role.COLLECTOR))
                        .param("name", "李强").param("role", "DECISION_MAKER").param("phone", "138 0000 0000").param("preferredChannel", "PHONE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/customers/" + code).with(as("collector1", Role.COLLECTOR)))
                .andExpect(content().string(containsString("客户搬迁")))
                .andExpect(content().string(containsString("华南")))
                .andExpect(content().string(containsString("李强")));
    }

    @Test
    void invoiceFormsValidateAndWriteOffIsForManagers() throws Exception {
        mvc.perform(post("/invoices").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("invoiceNo", code + "-I9").param("customerCode", code).param("issueDate", "2026-06-30")
                        .param("dueDate", "2026-06-01").param("amount", "100"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("到期日早于开票日期 2026-06-30")));
        mvc.perform(post("/invoices").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("invoiceNo", code + "-I9").param("customerCode", code).param("issueDate", "2026/6/1")
                        .param("dueDate", "2026-06-30").param("amount", "1,000.10"))
                .andExpect(redirectedUrl("/invoices/" + code + "-I9"));

        mvc.perform(post("/invoices/" + invoiceNo + "/classification").with(csrf()).with(as("collector1", Role.COLLECTOR))
                        .param("cause", "QUALITY_DISPUTE").param("nature", "SHORT_TERM").param("reason", "客户称货物有瑕疵"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/invoices/" + invoiceNo).with(as("finance1", Role.FINANCE)))
                .andExpect(content().string(containsString("质量问题/争议")))
                .andExpect(content().string(containsString("客户称货物有瑕疵")))
                .andExpect(content().string(not(containsString("/write-offs\""))));

        mvc.perform(post("/invoices/" + invoiceNo + "/credit-notes").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("creditNoteNo", code + "-CN1").param("noteDate", "2026-06-30").param("amount", "99999").param("reason", "折让"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("超过发票 " + invoiceNo + " 的未清余额 7345.67")));
        mvc.perform(post("/invoices/" + invoiceNo + "/credit-notes").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("creditNoteNo", code + "-CN1").param("noteDate", "2026-06-30").param("amount", "345.67").param("reason", "折让"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/invoices/" + invoiceNo + "/write-offs").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("writeOffDate", "2026-06-30").param("amount", "1000").param("reason", "无法收回"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只有主管及以上可以核销坏账")));
        mvc.perform(post("/invoices/" + invoiceNo + "/write-offs").with(csrf()).with(as("manager1", Role.MANAGER))
                        .param("writeOffDate", "2026-06-30").param("amount", "1000").param("reason", "无法收回"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/invoices/" + invoiceNo).with(as("manager1", Role.MANAGER)))
                .andExpect(content().string(containsString("id=\"invoice-open\">6,000.00<")));
    }

    @Test
    void anOverAllocatedPaymentIsRefusedAndNothingIsPosted() throws Exception {
        mvc.perform(post("/payments").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("paymentRef", code + "-P2").param("customerCode", code).param("paymentDate", "2026-06-30")
                        .param("amount", "30000").param("method", "COMMERCIAL_ACCEPTANCE_DRAFT").param("allocation", "manual")
                        .param("allocInvoice", invoiceNo, code + "-I2").param("allocAmount", "9000", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("超额核销：9000 超过发票 " + invoiceNo + " 的未清余额 7345.67")));
        mvc.perform(get("/payments/" + code + "-P2").with(as("finance1", Role.FINANCE))).andExpect(status().isNotFound());

        mvc.perform(post("/payments").with(csrf()).with(as("finance1", Role.FINANCE))
                        .param("paymentRef", code + "-P2").param("customerCode", code).param("paymentDate", "2026-06-30")
                        .param("amount", "30000").param("method", "COMMERCIAL_ACCEPTANCE_DRAFT").param("allocation", "manual")
                        .param("allocInvoice", invoiceNo, code + "-I2").param("allocAmount", "7,345.67", "20000"))
                .andExpect(redirectedUrl("/payments/" + code + "-P2"));
        mvc.perform(get("/payments/" + code + "-P2").with(as("finance1", Role.FINANCE)))
                .andExpect(content().string(containsString("id=\"payment-unapplied\">2,654.33<")))
                .andExpect(content().string(containsString("商业承兑汇票")));
    }

    @Test
    void theImportPageShowsTheValidationReport() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "invoices.csv", "text/csv", """
                invoice_no,customer_code,issue_date,due_date,amount
                %1$s-X1,%1$s,2026-06-01,2026-05-01,100
                %1$s-X2,NO-SUCH-CUSTOMER,2026-06-01,2026-07-01,abc
                """.formatted(code).getBytes(StandardCharsets.UTF_8));
        String html = mvc.perform(multipart("/import").file(file).param("kind", "invoices").param("mode", "all-or-nothing")
                        .with(csrf()).with(as("finance1", Role.FINANCE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"import-errors\"").contains("NO-SUCH-CUSTOMER").contains("未写入任何数据");
        mvc.perform(get("/invoices/" + code + "-X1").with(as("finance1", Role.FINANCE))).andExpect(status().isNotFound());

        mvc.perform(multipart("/import").param("kind", "invoices").with(csrf()).with(as("finance1", Role.FINANCE)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择要上传的文件")));
    }

    @Test
    void collectorsSeeOnlyTheirPortfolioAndFormsNeedTheToken() throws Exception {
        mvc.perform(get("/customers/" + code).with(as("collector2", Role.COLLECTOR))).andExpect(status().isNotFound());
        mvc.perform(get("/invoices/" + invoiceNo).with(as("collector2", Role.COLLECTOR))).andExpect(status().isNotFound());
        mvc.perform(get("/payments/" + paymentRef).with(as("collector2", Role.COLLECTOR))).andExpect(status().isNotFound());
        mvc.perform(get("/customers").param("q", code).with(as("collector2", Role.COLLECTOR)))
                .andExpect(content().string(not(containsString("href=\"/customers/" + code + "\""))));
        mvc.perform(get("/customers").param("q", code).with(as("collector1", Role.COLLECTOR)))
                .andExpect(content().string(containsString("href=\"/customers/" + code + "\"")));
        mvc.perform(post("/customers/" + code + "/contacts").with(as("collector1", Role.COLLECTOR)).param("name", "x").param("role", "OTHER"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/customers").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    private static UserRequestPostProcessor as(String username, Role role) {
        return user(username).roles(role.name());
    }
}
