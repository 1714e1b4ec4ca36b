package io.huikuan.web;

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
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The month-end pages: a manager closes a month with the form, sees it listed, opens the
 * stored-versus-recomputed report after a late invoice, and reopens it with a reason; a collector
 * may look but not close; bad months are named. In a database of its own (closing is company-wide).
 */
@SpringBootTest(properties = "huikuan.test-context=month-end-pages")
@AutoConfigureMockMvc
class MonthEndPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    private static UserRequestPostProcessor manager() {
        return user("mgr").roles(Role.MANAGER.name());
    }

    private String page(String path, UserRequestPostProcessor who, String lang) throws Exception {
        return mvc.perform(get(path).with(who).header("Accept-Language", lang)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void closeCompareAndReopenAMonth() throws Exception {
        Api.user(users, "mep-admin", Role.ADMIN);
        Api.user(users, "mep-col", Role.COLLECTOR);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("mep-admin", null,
                        java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            customers.create(new Customer("MEP-1", "页面月结客户", null, null, null, null, "mep-col", null, null, null, java.util.List.of()), "test");
            invoices.create(new Invoice("MEP-I1", "MEP-1", null, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"),
                    new BigDecimal("800.00"), "CNY", null, null, null), "test");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        String empty = page("/month-ends", manager(), "en");
        assertThat(empty).contains("id=\"month-ends-empty\"", "id=\"month-end-form\"", "value=\"2026-06\"").doesNotContain("??");

        // a bad month is named; a month not over yet is refused
        String bad = mvc.perform(post("/month-ends").param("month", "2026-13").with(manager()).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("应为月份，格式 YYYY-MM").doesNotContain("must be a month");
        String future = mvc.perform(post("/month-ends").param("month", "2026-07").with(manager()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(future).contains("该月尚未结束：2026-07-31 才结束");
        mvc.perform(post("/month-ends").param("month", "2026-05").with(manager())).andExpect(status().isForbidden()); // no CSRF token

        mvc.perform(post("/month-ends").param("month", "2026-05").with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/month-ends"));
        String listed = page("/month-ends", manager(), "zh-CN");
        assertThat(listed).contains("data-month=\"2026-05\"", "800.00").doesNotContain("??");

        // a late invoice dated in May moves the recomputed figures, not the stored ones
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("mep-admin", null,
                        java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            invoices.create(new Invoice("MEP-I2", "MEP-1", null, LocalDate.parse("2026-05-20"), LocalDate.parse("2026-06-19"),
                    new BigDecimal("200.00"), "CNY", null, null, null), "late");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        for (String lang : java.util.List.of("en", "zh-CN")) {
            String cmp = page("/month-ends/2026-05", manager(), lang);
            assertThat(cmp).doesNotContain("??").contains("id=\"month-end-customers\"", "MEP-1", "1,000.00", "200.00");
            String stored = cmp.substring(cmp.indexOf("id=\"row-stored\""), cmp.indexOf("id=\"row-recomputed\""));
            assertThat(stored).contains("800.00").doesNotContain("1,000.00");
            assertThat(cmp).as("the monthly review opens what worked in the month")
                    .contains("/insight/effectiveness?dimension=STRATEGY&amp;from=2026-05-01&amp;to=2026-05-31");
        }

        // a collector sees the months but cannot close or reopen
        String asCollector = page("/month-ends", user("mep-col").roles(Role.COLLECTOR.name()), "en");
        assertThat(asCollector).contains("data-month=\"2026-05\"").doesNotContain("id=\"month-end-form\"").doesNotContain("/reopen");

        mvc.perform(post("/month-ends/2026-05/reopen").param("reason", "late invoice").with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/month-ends", manager(), "en")).contains("id=\"month-ends-empty\"");
    }
}
