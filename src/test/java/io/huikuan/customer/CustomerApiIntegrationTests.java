package io.huikuan.customer;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerApiIntegrationTests {

    private final MockMvc mvc;
    private final UserDirectory users;

    @Autowired
    CustomerApiIntegrationTests(MockMvc mvc, UserDirectory users) {
        this.mvc = mvc;
        this.users = users;
    }

    @BeforeEach
    void users() {
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "collector1", Role.COLLECTOR);
        Api.user(users, "legal", Role.LEGAL);
    }

    @Test
    void aCollectorCreatesACustomerInTheirOwnPortfolioAndManagesItsContacts() throws Exception {
        mvc.perform(post("/api/customers").with(httpBasic("collector1", "collector1")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"K100","name":"杭州新材化工有限公司","industry":"化工","contacts":[
                                  {"name":"李敏","role":"FINANCE","phone":"13800001111","email":"li@xincai.cn","preferredChannel":"WECHAT","wechat":"limin88"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value("collector1"))
                .andExpect(jsonPath("$.contacts[0].role").value("FINANCE"));

        String body = mvc.perform(post("/api/customers/K100/contacts").with(httpBasic("collector1", "collector1"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"张总","role":"DECISION_MAKER","title":"总经理","phone":"+86 571 8888 0000"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(put("/api/customers/K100/contacts/" + id + "?reason=new number").with(httpBasic("collector1", "collector1"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"张总","role":"DECISION_MAKER","title":"总经理","phone":"13900002222"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("13900002222"));
        mvc.perform(post("/api/customers/K100/contacts").with(httpBasic("collector1", "collector1"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"王","role":"BOSS","email":"x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/customers/K100/contacts").with(httpBasic("collector1", "collector1"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"王","role":"OTHER","email":"not-an-address"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact.email"));
        mvc.perform(delete("/api/customers/K100/contacts/" + id + "?reason=left the company").with(httpBasic("collector1", "collector1")))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/customers/K100").with(httpBasic("collector1", "collector1")))
                .andExpect(jsonPath("$.contacts.length()").value(1));
        mvc.perform(get("/api/customers/K100/history").with(httpBasic("manager", "manager")))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[0].action").value("DELETE"))
                .andExpect(jsonPath("$.items[0].reason").value("left the company"))
                .andExpect(jsonPath("$.items[1].before").value(Matchers.containsString("+86 571 8888 0000")))
                .andExpect(jsonPath("$.items[1].after").value(Matchers.containsString("13900002222")));
    }

    @Test
    void theManagerMovesACustomerToAnotherPortfolioButOnlyToARealUser() throws Exception {
        mvc.perform(post("/api/customers").with(httpBasic("manager", "manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"K200","name":"成都天府建材有限公司","owner":"manager","creditLimit":100000.005}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditLimit"));
        mvc.perform(post("/api/customers").with(httpBasic("manager", "manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"K200","name":"成都天府建材有限公司","owner":"manager","creditLimit":100000,"creditDays":45,"grade":"C"}"""))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/customers/K200").with(httpBasic("manager", "manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"成都天府建材有限公司","owner":"nobody","grade":"C"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        mvc.perform(get("/api/customers/K200").with(httpBasic("collector1", "collector1"))).andExpect(status().isNotFound());
        mvc.perform(put("/api/customers/K200?reason=hand-over").with(httpBasic("manager", "manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"成都天府建材有限公司","owner":"collector1","creditLimit":100000,"creditDays":45,"grade":"C"}"""))
                .andExpect(status().isOk());
        mvc.perform(get("/api/customers/K200").with(httpBasic("collector1", "collector1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.owner").value("collector1"));
        // legal reads but does not create customers
        mvc.perform(post("/api/customers").with(httpBasic("legal", "legal")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"K300\",\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOpenApiDocumentDescribesTheApiBehindLogin() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic("manager", "manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/invoices/{number}']").exists())
                .andExpect(jsonPath("$.paths['/api/customers']").exists());
        mvc.perform(get("/v3/api-docs")).andExpect(result -> org.assertj.core.api.Assertions
                .assertThat(result.getResponse().getStatus()).isIn(302, 401));
        mvc.perform(get("/customers").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }
}
