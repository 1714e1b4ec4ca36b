package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.correspondence.Outbox;
import io.huikuan.correspondence.OutboxChannel;
import io.huikuan.correspondence.OutboxStatus;
import io.huikuan.correspondence.OutgoingMessage;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox page and the customer page's messages panel with the default configuration (no SMTP server):
 * e-mails wait in the queue, the page lists them by default and its banner names each unconfigured channel and what to set; a manager requeues an unconfirmed
 * message with a reason (CSRF form); collectors see no requeue button and no nav link.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutboxPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void withoutMailServerEmailsWaitAndTheFailuresListSaysWhy() throws Exception {
        Api.user(users, "op-admin", Role.ADMIN);
        Api.user(users, "op-col", Role.COLLECTOR);
        String code = "OP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "op-admin", """
                {"code":"%s","name":"南通江海电容器有限公司","owner":"op-col"}""".formatted(code)).andExpect(status().isCreated());
        long customerId = customers.ref(code).id();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long waiting = tx.execute(s -> outbox.enqueue(new OutgoingMessage(code + "-wait", OutboxChannel.EMAIL, customerId, "ap@jianghai.example.com",
                "对账单", "请查收", null, List.of(), null, "op-col")));
        long unconfirmed = tx.execute(s -> outbox.enqueue(new OutgoingMessage(code + "-unc", OutboxChannel.EMAIL, customerId,
                "boss@jianghai.example.com", "催款函", "请付款", null, List.of(), null, "op-col")));
        jdbc.sql("UPDATE outbox_message SET status = 'UNCONFIRMED', last_error = 'the sender stopped' WHERE id = ?").param(unconfirmed).update();

        sender.runOnce();
        assertThat(outbox.get(waiting).status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(outbox.get(waiting).attempts()).isZero();

        var manager = user("op-manager").roles(Role.MANAGER.name());
        String page = mvc.perform(get("/outbox").with(manager)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"outbox-not-configured\"", "邮件未配置", "data-id=\"" + unconfirmed + "\"", "未确认", "requeue-form",
                "id=\"nav-outbox\"", "name=\"_csrf\"").doesNotContain("??");
        // by default everything not sent yet is listed: the waiting e-mail too, marked as waiting for the configuration,
        // and the banner says what to set and how many wait
        assertThat(page).contains("data-id=\"" + waiting + "\"", "等待配置", "spring.mail.host", "huikuan.mail.from", "data-channel=\"EMAIL\"",
                "data-channel=\"SMS\"", "huikuan.channels.sms.url", "data-channel=\"CHAT\"", "huikuan.channels.chat.url",
                "<option value=\"PENDING\" selected=\"selected\"");
        assertThat(page).matches("(?s).*邮件未配置（\\d+ 封等待）.*");
        // the failures list leaves it out: it is not a failure yet (queued minutes ago, never tried)
        String problems = mvc.perform(get("/outbox").param("status", "PROBLEMS").with(manager)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(problems).contains("data-id=\"" + unconfirmed + "\"").doesNotContain("data-id=\"" + waiting + "\"");
        String all = mvc.perform(get("/outbox").param("status", "QUEUED").param("customer", code).with(manager)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("data-id=\"" + waiting + "\"", "排队中").doesNotContain("data-id=\"" + unconfirmed + "\"");

        mvc.perform(post("/outbox/" + unconfirmed + "/retry").with(manager).with(csrf()).param("back", "PROBLEMS"))
                .andExpect(redirectedUrl("/outbox?status=PROBLEMS")).andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/outbox/" + unconfirmed + "/retry").with(manager).param("reason", "已电话核实未收到"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/outbox/" + unconfirmed + "/retry").with(manager).with(csrf()).param("reason", "已电话核实未收到").param("back", "PROBLEMS"))
                .andExpect(redirectedUrl("/outbox?status=PROBLEMS"))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString(String.valueOf(unconfirmed))));
        assertThat(outbox.get(unconfirmed).status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(outbox.get(unconfirmed).requeues()).singleElement().satisfies(r -> {
            assertThat(r.requeuedBy()).isEqualTo("op-manager");
            assertThat(r.reason()).isEqualTo("已电话核实未收到");
        });

        var collector = user("op-col").roles(Role.COLLECTOR.name());
        String mine = mvc.perform(get("/outbox").param("status", "").with(collector)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("data-id=\"" + waiting + "\"").doesNotContain("requeue-form", "id=\"nav-outbox\"");
        String customerPage = mvc.perform(get("/customers/" + code).with(collector)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(customerPage).contains("id=\"messages\"", "/customers/" + code + "/messages");
        String panel = mvc.perform(get("/customers/" + code + "/messages").with(collector)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("ap@jianghai.example.com", "排队中").doesNotContain("messages-bad-address", "??");
        mvc.perform(get("/customers/" + code + "/messages").with(user("op-other").roles(Role.COLLECTOR.name()))).andExpect(status().isNotFound());
        String english = mvc.perform(get("/outbox").param("lang", "en").with(manager)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("E-mail is not configured", "waiting for configuration", "huikuan.channels.sms.url");
    }
}
