package io.huikuan.web;

import static io.huikuan.web.AgingPagesIntegrationTests.text;
import static io.huikuan.web.XlsxFile.amount;
import static io.huikuan.web.XlsxFile.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The provisions page (/provisions) and its XLSX export: both methods side by side with their
 * totals, editable percentage rates with errors per field, managers, finance, legal and admins
 * only. The figures are as of 1995-06-30, a date no other test has invoices at.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProvisionPagesIntegrationTests {

    private static final String AS_OF = "1995-06-30";
    private static volatile boolean created;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    /**
     * As of 1995-06-30: PV-X 1,000.00 issued 1995-01-10 (under 1 year; 141 days overdue, bucket
     * 91–180), PV-Y 400.00 issued 1993-03-01 (2–3 years; over 365 days overdue). Default rates:
     * 50.00 + 80.00 = 130.00. ECL: X rolled through every bucket up to 91–180, whose roll rate is
     * unknown (no base in the window), so its loss rate is 0; Y's bucket loses 100%: 400.00.
     */
    @BeforeEach
    void data() {
        Api.user(users, "manager1", Role.MANAGER);
        Api.user(users, "finance1", Role.FINANCE);
        Api.user(users, "legal1", Role.LEGAL);
        Api.user(users, "collector1", Role.COLLECTOR);
        if (!created) {
            customers.create(new Customer("PV-1995", "计提测试有限公司", null, "华东", null, null, "collector1", null, null, "C", List.of()),
                    "test data");
            invoices.create(new Invoice("PV-X", "PV-1995", null, LocalDate.of(1995, 1, 10), LocalDate.of(1995, 2, 9),
                    new BigDecimal("1000.00"), null, null, null, null), null);
            invoices.create(new Invoice("PV-Y", "PV-1995", null, LocalDate.of(1993, 3, 1), LocalDate.of(1993, 3, 31),
                    new BigDecimal("400.00"), null, null, null, null), null);
            created = true;
        }
    }

    @Test
    void bothMethodsSideBySideWithTheirTotalsInBothLanguages() throws Exception {
        String en = html(get("/provisions").param("asOf", AS_OF).param("lang", "en"), as("manager1", Role.MANAGER));
        assertThat(en).doesNotContain("??").contains("Bad-debt provisions", "Aging method", "Expected credit loss (provision matrix)",
                "Under 1 year", "2–3 years", "Over 5 years", "91–180 days overdue", "Roll rate", "Loss rate",
                "href=\"/help/measures#provisions\"", "id=\"nav-provisions\"");
        assertThat(text(en, "provisions-aging-balance")).isEqualTo("1,400.00");
        assertThat(text(en, "provisions-aging-total")).isEqualTo("130.00");
        assertThat(text(en, "provisions-ecl-balance")).isEqualTo("1,400.00");
        assertThat(text(en, "provisions-ecl-total")).isEqualTo("400.00");
        assertThat(en).contains("value=\"5\"", "value=\"10\"", "value=\"20\"", "value=\"50\"", "value=\"80\"", "value=\"100\"");
        // the roll rate of not due was 100% (X moved on a month later)
        assertThat(row(en, "provisions-ecl", 0)).contains("<td class=\"num\">100%</td>");

        String zh = html(get("/provisions").param("asOf", AS_OF).param("lang", "zh-CN"), as("finance1", Role.FINANCE));
        assertThat(zh).doesNotContain("??").contains("坏账准备", "账龄分析法", "预期信用损失", "1 年以内", "2–3 年", "迁徙率");
        html(get("/provisions"), as("legal1", Role.LEGAL));
    }

    @Test
    void ratesInPercentChangeTheAgingMethod() throws Exception {
        String repeated = html(get("/provisions").param("asOf", AS_OF)
                .param("rates", "10", "10", "50", "50", "80", "100"), as("manager1", Role.MANAGER));
        assertThat(text(repeated, "provisions-aging-total")).isEqualTo("300.00");
        assertThat(text(repeated, "provisions-ecl-total")).isEqualTo("400.00");
        String commas = html(get("/provisions").param("asOf", AS_OF).param("rates", "10,10,50,50,80,100"), as("manager1", Role.MANAGER));
        assertThat(text(commas, "provisions-aging-total")).isEqualTo("300.00");
        String decimals = html(get("/provisions").param("asOf", AS_OF).param("rates", "2.5,10,0,50,80,100%"), as("manager1", Role.MANAGER));
        assertThat(text(decimals, "provisions-aging-total")).isEqualTo("25.00");
        assertThat(decimals).contains("href=\"/provisions/export.xlsx?asOf=1995-06-30&amp;rates=2.5,10,0,50,80,100\"");
    }

    @Test
    void badRatesAndDatesAreNamedPerField() throws Exception {
        String page = bad(get("/provisions").param("asOf", AS_OF).param("rates", "abc", "10", "150", "-1", "80", "").param("lang", "en"));
        assertThat(page).contains("Rates 1: the rate of Under 1 year is not a number", "Rates 3: the rate of 2–3 years must be from 0 to 100",
                "Rates 4: the rate of 3–4 years must be from 0 to 100", "Rates 6: the rate of Over 5 years is not a number")
                .doesNotContain("Rates 2:", "rates[").doesNotContain("id=\"provisions-aging\"");
        // what was typed stays in the inputs
        assertThat(page).contains("value=\"abc\"", "value=\"150\"");
        assertThat(bad(get("/provisions").param("rates", "5,10").param("lang", "en"))).contains("Rates: need 6 values, got 2");
        assertThat(bad(get("/provisions").param("asOf", "1995-02-30").param("lang", "en"))).contains("As of: not a valid date");
        assertThat(bad(get("/provisions").param("rates", "5,10,20,50,80,101").param("lang", "zh-CN"))).contains("计提比例 6：5 年以上的计提比例应在 0 到 100 之间");
        mvc.perform(get("/provisions/export.xlsx").param("rates", "x").with(as("manager1", Role.MANAGER))).andExpect(status().isBadRequest());
    }

    @Test
    void collectorsAreRefusedLikeFromTheApi() throws Exception {
        UserRequestPostProcessor collector = as("collector1", Role.COLLECTOR);
        mvc.perform(get("/provisions").with(collector)).andExpect(status().isForbidden());
        mvc.perform(get("/provisions").param("rates", "x").with(collector)).andExpect(status().isForbidden());
        mvc.perform(get("/provisions/export.xlsx").with(collector)).andExpect(status().isForbidden());
        mvc.perform(get("/api/provisions").with(collector)).andExpect(status().isForbidden());
        String nav = html(get("/aging"), collector);
        assertThat(nav).contains("id=\"nav-aging\"", "id=\"nav-dashboard\"").doesNotContain("id=\"nav-provisions\"");
    }

    @Test
    void theExportHoldsBothTablesAsOnThePage() throws Exception {
        byte[] bytes = mvc.perform(get("/provisions/export.xlsx").param("asOf", AS_OF).param("rates", "10,10,50,50,80,100")
                .param("lang", "en").with(as("legal1", Role.LEGAL))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        XlsxFile file = XlsxFile.read(bytes);
        assertThat(file.names()).containsExactly("Aging method", "Expected credit loss");
        List<List<Cell>> aging = file.sheet(0);
        assertThat(texts(aging.get(0))).containsExactly("Invoice age", "Balance", "Rate", "Provision");
        assertThat(aging.get(1).get(0).getText()).isEqualTo("Under 1 year");
        assertThat(amount(aging.get(1).get(1))).isEqualByComparingTo("1000.00");
        assertThat(aging.get(1).get(2).getType()).isEqualTo(CellType.NUMBER);
        assertThat(aging.get(1).get(2).asNumber()).isEqualByComparingTo("0.10");
        assertThat(aging.get(1).get(2).getDataFormatString()).isEqualTo("0.00%");
        assertThat(amount(aging.get(1).get(3))).isEqualByComparingTo("100.00");
        assertThat(amount(aging.get(3).get(3))).isEqualByComparingTo("200.00");
        assertThat(texts(aging.get(7)).getFirst()).isEqualTo("Total");
        assertThat(amount(aging.get(7).get(1))).isEqualByComparingTo("1400.00");
        assertThat(amount(aging.get(7).get(3))).isEqualByComparingTo("300.00");

        List<List<Cell>> ecl = file.sheet(1);
        assertThat(texts(ecl.get(0))).containsExactly("Bucket", "Balance", "Roll rate", "Loss rate", "Provision");
        assertThat(ecl).hasSize(9);
        assertThat(ecl.get(1).get(2).asNumber()).isEqualByComparingTo("1");
        assertThat(amount(ecl.get(5).get(1))).isEqualByComparingTo("1000.00");
        assertThat(ecl.get(7).get(3).asNumber()).isEqualByComparingTo("1");
        assertThat(amount(ecl.get(7).get(4))).isEqualByComparingTo("400.00");
        assertThat(amount(ecl.get(8).get(4))).isEqualByComparingTo("400.00");
    }

    private String html(MockHttpServletRequestBuilder request, UserRequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String bad(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as("manager1", Role.MANAGER))).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Row {@code index} of the body of the table with this id. */
    private static String row(String html, String tableId, int index) {
        int at = html.indexOf("<tbody>", html.indexOf("id=\"" + tableId + "\""));
        for (int i = 0; i <= index; i++) {
            at = html.indexOf("<tr", at + 1);
        }
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static UserRequestPostProcessor as(String username, Role role) {
        return user(username).roles(role.name());
    }
}
