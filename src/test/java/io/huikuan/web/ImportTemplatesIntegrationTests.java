package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.CustomerService;
import io.huikuan.exchange.ImportKind;
import io.huikuan.exchange.ImportMode;
import io.huikuan.exchange.ImportReport;
import io.huikuan.exchange.ImportService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The downloadable import templates are files the import itself accepts. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportTemplatesIntegrationTests {

    private final MockMvc mvc;
    private final ImportService imports;
    private final CustomerService customers;

    @Autowired
    ImportTemplatesIntegrationTests(MockMvc mvc, ImportService imports, UserDirectory users, CustomerService customers) {
        this.mvc = mvc;
        this.imports = imports;
        this.customers = customers;
        Api.user(users, "collector1", Role.COLLECTOR);
    }

    @Test
    void theCustomerTemplateWithChineseHeadersImportsItsExampleRow() throws Exception {
        byte[] file = mvc.perform(get("/import/templates/customers").param("headers", "zh").with(user("finance").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF客户编码,客户名称");
        ImportReport report = imports.run(ImportKind.CUSTOMERS, new ByteArrayInputStream(file), "customers-template.csv",
                ImportMode.ALL_OR_NOTHING, false);
        assertThat(report.errors()).isEmpty();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(customers.findRef("KH900001")).isPresent();

        byte[] invoices = mvc.perform(get("/import/templates/invoices").with(user("finance").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ImportReport invoiceReport = imports.run(ImportKind.INVOICES, new ByteArrayInputStream(invoices), "invoices-template.csv",
                ImportMode.ALL_OR_NOTHING, true);
        assertThat(invoiceReport.errors()).isEmpty();
        assertThat(invoiceReport.imported()).isEqualTo(1);

        mvc.perform(get("/import/templates/widgets").with(user("finance").roles("FINANCE"))).andExpect(status().isNotFound());
    }
}
