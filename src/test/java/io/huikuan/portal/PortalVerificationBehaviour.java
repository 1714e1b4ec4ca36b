package io.huikuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import io.huikuan.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Links limited to one contact's e-mail verification code (issue 16, item 4), on H2 and PostgreSQL: the code is e-mailed
 * to the contact (read back from GreenMail); before it is typed the link shows the code form only, in every session; a
 * wrong code is refused, the right one opens the portal for that session only; five wrong tries lock the code, a code
 * expires after 10 minutes; a link asking for the code needs a contact with an e-mail address.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.mail.from=ar@huikuan.test"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class PortalVerificationBehaviour {

    /** One SMTP server for the JVM (the H2 and the PostgreSQL classes share it; each test reads its own recipient's mail). */
    static final GreenMail SMTP = TestSmtp.start();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        TestSmtp.register(r, SMTP);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    OutboxSender sender;

    String run;
    String collector;
    String code;
    String email;
    long contactId;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        run = UUID.randomUUID().toString().substring(0, 8).toLowerCase();
        collector = "pv-" + run;
        Api.user(users, collector, Role.COLLECTOR);
        code = "PV-" + run.toUpperCase();
        email = "cw@" + run + ".example";
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"验证码测试 %s","owner":"%s"}""".formatted(code, run, collector)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-INV1","customerCode":"%s","issueDate":"2025-04-01","dueDate":"2025-05-01","amount":1200.50}"""
                .formatted(code, code)).andExpect(status().isCreated());
        contactId = Api.json(Api.call(mvc, post("/api/customers/" + code + "/contacts"), "admin", """
                {"name":"陈伟","role":"FINANCE","email":"%s"}""".formatted(email)).andExpect(status().isCreated())).get("id").asLong();
    }

    String link(String json) throws Exception {
        JsonNode l = Api.json(Api.call(mvc, post("/api/customers/" + code + "/portal-links"), collector, json).andExpect(status().isCreated()));
        return l.get("url").asString();
    }

    ResultActions phone(MockHttpServletRequestBuilder req, MockHttpSession session) throws Exception {
        return mvc.perform(req.session(session).with(r -> {
            r.setRemoteAddr("10.72." + (Math.abs(run.hashCode()) % 250) + ".9");
            return r;
        }).header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50"));
    }

    static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Asks for a code in the session and reads it from the e-mail the outbox delivered to the contact. */
    String sendAndReadCode(String url, MockHttpSession session) throws Exception {
        phone(post(url + "/verify/send").with(csrf()), session).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url + "/verify?sent=1"));
        sender.runOnce();
        MimeMessage[] mails = SMTP.getReceivedMessagesForDomain(run + ".example");
        assertThat(mails).as("the code went to the contact's e-mail").isNotEmpty();
        MimeMessage last = mails[mails.length - 1];
        assertThat(last.getAllRecipients()[0].toString()).isEqualTo(email);
        Matcher m = CODE.matcher(last.getSubject());
        assertThat(m.find()).as("the e-mail carries a 6-digit code").isTrue();
        return m.group(1);
    }

    static String other(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theCodeIsEMailedAWrongOneIsRefusedTheRightOneOpensThePortalForThatSessionOnly() throws Exception {
        String url = link("{\"contactId\":%d,\"verifyEmail\":true}".formatted(contactId));
        MockHttpSession mine = new MockHttpSession();
        phone(get(url), mine).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url + "/verify"));
        String form = body(phone(get(url + "/verify"), mine).andExpect(status().isOk()));
        assertThat(form).contains("c***@" + run + ".example").contains("portal-verify-code").doesNotContain(code + "-INV1");

        String sent = sendAndReadCode(url, mine);
        assertThat(body(phone(post(url + "/verify").with(csrf()).param("code", other(sent)), mine).andExpect(status().isBadRequest())))
                .contains("验证码不正确");
        phone(get(url), mine).andExpect(status().is3xxRedirection());
        phone(post(url + "/verify").with(csrf()).param("code", sent), mine).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url));
        assertThat(body(phone(get(url), mine).andExpect(status().isOk()))).contains(code + "-INV1");
        phone(get(url + "/confirmation"), mine).andExpect(status().isOk());

        MockHttpSession another = new MockHttpSession();
        phone(get(url), another).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url + "/verify"));
        phone(get(url + "/confirmation"), another).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url + "/verify"));
        assertThat(body(phone(get(url + "/verify"), another).andExpect(status().isOk()))).doesNotContain(code + "-INV1");
        assertThat(body(phone(post(url + "/verify").with(csrf()).param("code", sent), another).andExpect(status().isBadRequest())))
                .as("the code is bound to the session that asked for it").contains("请先发送验证码");

        Api.call(mvc, get("/api/customers/" + code + "/portal-links"), collector, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].verifyEmail").value(true));
        String plain = link("{\"contactId\":%d}".formatted(contactId));
        assertThat(body(phone(get(plain), new MockHttpSession()).andExpect(status().isOk()))).as("without verifyEmail: no code").contains(code + "-INV1");
    }

    @Test
    void fiveWrongTriesLockTheCodeANewCodeWorksAndACodeExpiresAfterTenMinutes() throws Exception {
        String url = link("{\"contactId\":%d,\"verifyEmail\":true}".formatted(contactId));
        MockHttpSession s = new MockHttpSession();
        String first = sendAndReadCode(url, s);
        for (int i = 1; i <= 4; i++) {
            assertThat(body(phone(post(url + "/verify").with(csrf()).param("code", other(first)), s).andExpect(status().isBadRequest())))
                    .contains("验证码不正确");
        }
        assertThat(body(phone(post(url + "/verify").with(csrf()).param("code", other(first)), s).andExpect(status().isBadRequest())))
                .contains("错误次数过多");
        assertThat(body(phone(post(url + "/verify").with(csrf()).param("code", first), s).andExpect(status().isBadRequest())))
                .as("a locked code stays locked, even the right one").contains("错误次数过多");

        String second = sendAndReadCode(url, s);
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 11));
        assertThat(body(phone(post(url + "/verify").with(csrf()).param("code", second), s).andExpect(status().isBadRequest())))
                .contains("验证码已过期");
        String third = sendAndReadCode(url, s);
        phone(post(url + "/verify").with(csrf()).param("code", third), s).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url));
        phone(get(url), s).andExpect(status().isOk());
    }

    @Test
    void aLinkAskingForTheCodeNeedsAContactWithAnEMailAddress() throws Exception {
        long noMail = Api.json(Api.call(mvc, post("/api/customers/" + code + "/contacts"), "admin", """
                {"name":"王丽","role":"FINANCE","phone":"13800000000"}""").andExpect(status().isCreated())).get("id").asLong();
        Api.call(mvc, post("/api/customers/" + code + "/portal-links"), collector, "{\"contactId\":%d,\"verifyEmail\":true}".formatted(noMail))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("verifyEmail"));
        Api.call(mvc, post("/api/customers/" + code + "/portal-links"), collector, "{\"verifyEmail\":true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("verifyEmail"));
    }
}
