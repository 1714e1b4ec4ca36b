package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.ContractService;
import io.huikuan.ledger.LateClause;
import io.huikuan.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Recording a contract with its payment terms and late-payment clause from the customer page. */
@SpringBootTest
@AutoConfigureMockMvc
class ContractPagesIntegrationTests {

    private final MockMvc mvc;
    private final ContractService contracts;

    @Autowired
    ContractPagesIntegrationTests(MockMvc mvc, UserDirectory users, CustomerService customers, ContractService contracts) {
        this.mvc = mvc;
        this.contracts = contracts;
        Api.user(users, "collector1", Role.COLLECTOR);
        Api.user(users, "collector2", Role.COLLECTOR);
        if (customers.findRef("KC1").isEmpty()) {
            customers.create(new Customer("KC1", "常州测试有限公司", null, null, null, null, "collector1", null, null, null, List.of()), null);
        }
    }

    @Test
    void aCollectorRecordsAContractWithADailyLateRateAndBadRatesAreRefused() throws Exception {
        mvc.perform(get("/customers/KC1/contracts/new").param("lang", "en").with(user("collector1").roles("COLLECTOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Late-payment rate")));
        mvc.perform(post("/customers/KC1/contracts").with(user("collector1").roles("COLLECTOR")).with(csrf())
                        .param("contractNo", "HT-KC1-1").param("lateClause", "DAILY_RATE").param("lateRate", "5%"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("field-error")));
        mvc.perform(post("/customers/KC1/contracts").with(user("collector1").roles("COLLECTOR")).with(csrf())
                        .param("contractNo", "HT-KC1-1").param("lateClause", "DAILY_RATE").param("lateRate", "0.05"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("field-error")));
        assertThat(contracts.find("HT-KC1-1")).isEmpty();

        mvc.perform(post("/customers/KC1/contracts").with(user("collector1").roles("COLLECTOR")).with(csrf())
                        .param("contractNo", "HT-KC1-1").param("signedDate", "2026-01-05").param("amount", "1,200,000")
                        .param("paymentTerms", "验收后60天").param("paymentDays", "60").param("lateClause", "DAILY_RATE")
                        .param("lateRate", "0.0005"))
                .andExpect(redirectedUrl("/customers/KC1#contracts"));
        var k = contracts.find("HT-KC1-1").orElseThrow();
        assertThat(k.lateClause()).isEqualTo(LateClause.DAILY_RATE);
        assertThat(k.lateRate()).isEqualByComparingTo("0.0005");
        assertThat(k.amount()).isEqualByComparingTo("1200000.00");

        mvc.perform(get("/customers/KC1/contracts/new").with(user("collector2").roles("COLLECTOR"))).andExpect(status().isNotFound());
    }
}
