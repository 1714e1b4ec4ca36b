package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, items 7 and 8: the header groups its links in four menus by job and shows each role only
 * the pages it may use; a page shows only the actions the role may take, and the form of an action it
 * may not take answers 403 instead of a form whose input would be lost on submit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationIntegrationTests {

    private static final List<String> MENUS = List.of("id=\"menu-work\"", "id=\"menu-ledger\"", "id=\"menu-reports\"", "id=\"menu-setup\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void users() {
        Api.user(users, "nav-admin", Role.ADMIN);
        Api.user(users, "nav-manager", Role.MANAGER);
        Api.user(users, "nav-finance", Role.FINANCE);
        Api.user(users, "nav-collector", Role.COLLECTOR);
        Api.user(users, "nav-legal", Role.LEGAL);
    }

    @Test
    void aCollectorSeesTheWorkAndTheLedgerButNoneOfTheSetupPagesOfManagers() throws Exception {
        String page = page("/", "nav-collector", Role.COLLECTOR);
        assertThat(page).contains(MENUS).contains("id=\"nav-worklist\"", "id=\"nav-promises\"", "id=\"nav-customers\"", "id=\"nav-invoices\"",
                "id=\"nav-payments\"", "id=\"nav-import\"", "id=\"nav-dashboard\"", "id=\"nav-aging\"", "id=\"nav-scripts\"",
                "id=\"nav-holds\"", "id=\"global-search\"", "工作", "客户与账务", "报表", "设置");
        assertThat(page).doesNotContain("id=\"nav-approvals\"", "id=\"nav-outbox\"", "id=\"nav-provisions\"", "id=\"nav-strategies\"",
                "id=\"nav-segments\"", "id=\"nav-collection-runs\"", "id=\"nav-templates\"", "id=\"nav-users\"", "id=\"nav-company\"",
                "id=\"nav-legal-cases\"");
    }

    @Test
    void legalStaffHaveAWorklistAndProvisionsButNoImportNorManagersPages() throws Exception {
        String page = page("/", "nav-legal", Role.LEGAL);
        assertThat(page).contains(MENUS).contains("id=\"nav-worklist\"", "id=\"nav-provisions\"", "id=\"nav-customers\"", "id=\"nav-legal-cases\"",
                "id=\"nav-hearings\"", "id=\"nav-limitation\"", "id=\"menu-legal\"");
        // every legal page sits in the legal menu
        String legalMenu = page.substring(page.indexOf("id=\"menu-legal\""), page.indexOf("id=\"menu-setup\""));
        assertThat(legalMenu).contains("id=\"nav-legal-cases\"", "id=\"nav-hearings\"", "id=\"nav-limitation\"", "id=\"nav-legal-calculators\"")
                .doesNotContain("id=\"nav-holidays\"");
        assertThat(page).doesNotContain("id=\"nav-import\"", "id=\"nav-approvals\"", "id=\"nav-outbox\"", "id=\"nav-strategies\"",
                "id=\"nav-users\"", "id=\"nav-company\"");
    }

    @Test
    void financeHasTheWorklistTheOutboxAndImportsButNotTheManagersPages() throws Exception {
        String page = page("/", "nav-finance", Role.FINANCE);
        assertThat(page).contains(MENUS).contains("id=\"nav-worklist\"", "id=\"nav-outbox\"", "id=\"nav-import\"", "id=\"nav-provisions\"",
                "id=\"nav-month-ends\"", "id=\"nav-legal-cases\"");
        assertThat(page).doesNotContain("id=\"nav-approvals\"", "id=\"nav-strategies\"", "id=\"nav-templates\"", "id=\"nav-users\"",
                "id=\"nav-company\"");
    }

    @Test
    void managersAndAdministratorsSeeEveryPage() throws Exception {
        for (String[] who : new String[][] {{"nav-manager", "MANAGER"}, {"nav-admin", "ADMIN"}}) {
            String page = page("/", who[0], Role.valueOf(who[1]));
            assertThat(page).contains(MENUS).contains("id=\"nav-worklist\"", "id=\"nav-approvals\"", "id=\"nav-outbox\"", "id=\"nav-provisions\"",
                    "id=\"nav-strategies\"", "id=\"nav-segments\"", "id=\"nav-collection-runs\"", "id=\"nav-templates\"", "id=\"nav-users\"",
                    "id=\"nav-company\"", "id=\"nav-import\"", "id=\"nav-legal-cases\"", "id=\"nav-holds\"");
            assertThat(page.contains("id=\"nav-holidays\"")).as("only administrators load the holiday calendar").isEqualTo(who[1].equals("ADMIN"));
        }
        assertThat(page("/", "nav-manager", Role.MANAGER, "en")).contains(">Work<", ">Customers &amp; ledger<", ">Reports<", ">Setup<",
                "Search customers, invoices, payments, documents").doesNotContain("??");
    }

    @Test
    void actionsARoleMayNotTakeAreHiddenAndTheirFormsAnswer403() throws Exception {
        String code = "NV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "nav-admin", """
                {"code":"%s","name":"常州天合机电有限公司","owner":"nav-collector"}""".formatted(code)).andExpect(status().isCreated());

        // legal: no new customer, invoice or payment; no profile editor
        assertThat(page("/customers", "nav-legal", Role.LEGAL)).doesNotContain("href=\"/customers/new\"");
        assertThat(page("/invoices", "nav-legal", Role.LEGAL)).doesNotContain("href=\"/invoices/new");
        assertThat(page("/payments", "nav-legal", Role.LEGAL)).doesNotContain("href=\"/payments/new");
        assertThat(page("/customers/" + code, "nav-legal", Role.LEGAL)).contains("常州天合机电有限公司")
                .doesNotContain("/invoices/new?customer=", "/payments/new?customer=", "id=\"edit-profile\"");
        for (String form : List.of("/customers/new", "/invoices/new", "/payments/new", "/import", "/settings/company", "/segments/new")) {
            mvc.perform(get(form).with(user("nav-legal").roles("LEGAL"))).andExpect(status().isForbidden());
        }
        // legal works its own worklist and issues demand and lawyer letters; a collector is offered only the letters they may issue
        assertThat(page("/worklist", "nav-legal", Role.LEGAL)).contains("id=\"nav-worklist\"");
        assertThat(page("/customers/" + code + "/documents", "nav-legal", Role.LEGAL)).contains("value=\"DEMAND_LETTER\"", "value=\"LAWYER_LETTER\"");
        assertThat(page("/customers/" + code + "/documents", "nav-collector", Role.COLLECTOR)).contains("value=\"PAYMENT_REMINDER\"")
                .doesNotContain("value=\"DEMAND_LETTER\"", "value=\"LAWYER_LETTER\"");
        // a collector adds customers but neither invoices nor payments
        assertThat(page("/customers", "nav-collector", Role.COLLECTOR)).contains("href=\"/customers/new\"");
        assertThat(page("/invoices", "nav-collector", Role.COLLECTOR)).doesNotContain("href=\"/invoices/new");
        mvc.perform(get("/customers/new").with(user("nav-collector").roles("COLLECTOR"))).andExpect(status().isOk());
        for (String form : List.of("/invoices/new", "/payments/new", "/settings/company", "/approvals")) {
            mvc.perform(get(form).with(user("nav-collector").roles("COLLECTOR"))).andExpect(status().isForbidden());
        }
        // finance may do all of it on the ledger, nothing of the managers' setup
        for (String form : List.of("/customers/new", "/invoices/new", "/payments/new", "/import")) {
            mvc.perform(get(form).with(user("nav-finance").roles("FINANCE"))).andExpect(status().isOk());
        }
        assertThat(page("/customers", "nav-finance", Role.FINANCE)).contains("href=\"/customers/new\"");
        mvc.perform(get("/settings/company").with(user("nav-finance").roles("FINANCE"))).andExpect(status().isForbidden());
    }

    private String page(String path, String username, Role role) throws Exception {
        return page(path, username, role, "zh-CN");
    }

    private String page(String path, String username, Role role, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user(username).roles(role.name()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
