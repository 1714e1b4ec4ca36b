package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The offers log (issue 13, item 5) through the API and the pages, on H2 and PostgreSQL: offers of both sides recorded
 * and answered, read back in order as of any day, linked to an activity of the same customer only, every status change
 * once (accepting a refused offer is 409), bad input named, a collector kept to their own customers; the negotiation
 * history screen and the customer page's panel in Chinese and English.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class OfferBehaviour {

    static final LocalDate TODAY = LocalDate.parse("2026-06-30");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;

    String token;
    String collector;
    String other;

    @BeforeEach
    void setUp() {
        clock.set(TODAY, LocalTime.of(10, 0));
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "boss", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "of-" + token.toLowerCase();
        other = "ot-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, other, Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix, String owner) throws Exception {
        String code = "OF-" + token + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"无锡精工轴承 %s","owner":"%s"}""".formatted(code, suffix, owner)).andExpect(status().isCreated());
        return code;
    }

    long activity(String code, String owner, String notes) throws Exception {
        return Api.json(call(post("/api/activities"), owner, """
                {"customerCode":"%s","channel":"VISIT","outcome":"REACHED","notes":"%s"}""".formatted(code, notes))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    ResultActions offer(String code, String user, String json) throws Exception {
        return call(post("/api/customers/" + code + "/offers"), user, json);
    }

    JsonNode created(String code, String user, String json) throws Exception {
        return Api.json(offer(code, user, json).andExpect(status().isCreated()));
    }

    ResultActions answer(long id, String what, String user, String json) throws Exception {
        return call(post("/api/offers/" + id + "/" + what), user, json);
    }

    List<JsonNode> list(String code, String asOf) throws Exception {
        MockHttpServletRequestBuilder req = get("/api/customers/" + code + "/offers");
        if (asOf != null) {
            req.param("asOf", asOf);
        }
        List<JsonNode> out = new ArrayList<>();
        Api.json(call(req, collector, null).andExpect(status().isOk())).forEach(out::add);
        return out;
    }

    @Test
    void offersOfBothSidesAreLoggedAnsweredAndReadInOrderAsOfAnyDay() throws Exception {
        String c = customer("A", collector);
        long visit = activity(c, collector, "对方财务总监提出分三期付款");
        JsonNode theirs = created(c, collector, """
                {"side":"THEIRS","kind":"PAYMENT_PLAN","offeredOn":"2026-06-20","amount":"60000.00","terms":"分三期，每月2万，免滞纳金",
                 "activityId":%d}""".formatted(visit));
        assertThat(theirs.get("status").asString()).isEqualTo("OPEN");
        assertThat(theirs.get("side").asString()).isEqualTo("THEIRS");
        assertThat(theirs.get("amount").decimalValue()).isEqualByComparingTo("60000.00");
        assertThat(theirs.get("activity").get("id").asLong()).isEqualTo(visit);
        assertThat(theirs.get("activity").get("notes").asString()).isEqualTo("对方财务总监提出分三期付款");
        assertThat(theirs.get("recordedBy").asString()).isEqualTo(collector);
        JsonNode ours = created(c, "boss", """
                {"side":"OURS","kind":"DISCOUNT","offeredOn":"2026-06-25","amount":"57000","terms":"6月30日前一次付清可优惠5%","concessionId":7}""");
        assertThat(ours.get("concessionId").asLong()).isEqualTo(7);
        assertThat(ours.get("activity").isNull()).isTrue();

        JsonNode refused = Api.json(answer(theirs.get("id").asLong(), "refuse", collector, """
                {"on":"2026-06-22","note":"期限太长"}""").andExpect(status().isOk()));
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("answeredOn").asString()).isEqualTo("2026-06-22");
        assertThat(refused.get("answeredBy").asString()).isEqualTo(collector);
        assertThat(refused.get("answerNote").asString()).isEqualTo("期限太长");
        JsonNode accepted = Api.json(answer(ours.get("id").asLong(), "accept", collector, null).andExpect(status().isOk()));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("answeredOn").asString()).isEqualTo(TODAY.toString());

        List<JsonNode> now = list(c, null);
        assertThat(now).extracting(o -> o.get("id").asLong()).containsExactly(theirs.get("id").asLong(), ours.get("id").asLong());
        assertThat(now).extracting(o -> o.get("status").asString()).containsExactly("REFUSED", "ACCEPTED");
        List<JsonNode> before = list(c, "2026-06-21");
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(before.get(0).get("answeredOn").isNull()).isTrue();
        List<JsonNode> between = list(c, "2026-06-26");
        assertThat(between).extracting(o -> o.get("status").asString()).containsExactly("REFUSED", "OPEN");
        call(get("/api/offers/" + ours.get("id").asLong()), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.customerCode").value(c));
    }

    @Test
    void anOfferIsAnsweredOnceOnADayBetweenItsDateAndToday() throws Exception {
        String c = customer("B", collector);
        long id = created(c, collector, """
                {"side":"OURS","kind":"SETTLEMENT","offeredOn":"2026-06-10","terms":"一次性支付本金，免除全部利息"}""").get("id").asLong();
        answer(id, "accept", collector, """
                {"on":"2026-06-09"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2026-06-10")));
        answer(id, "accept", collector, """
                {"on":"2026-07-01"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        answer(id, "refuse", collector, """
                {"on":"2026-06-12"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"));
        answer(id, "accept", collector, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("REFUSED")));
        answer(id, "withdraw", "boss", null).andExpect(status().isConflict());
        call(get("/api/offers/" + id), collector, null).andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.answeredOn").value("2026-06-12"));

        long withdrawn = created(c, collector, """
                {"side":"THEIRS","kind":"WAIVER","terms":"要求免除违约金"}""").get("id").asLong();
        answer(withdrawn, "withdraw", collector, """
                {"note":"对方撤回"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        answer(withdrawn, "refuse", collector, null).andExpect(status().isConflict());
        answer(999_999_999L, "accept", collector, null).andExpect(status().isNotFound());
    }

    @Test
    void theLinkedActivityMustBeTheSameCustomers() throws Exception {
        String mine = customer("C", collector);
        String another = customer("D", collector);
        long elsewhere = activity(another, collector, "另一家客户的拜访");
        offer(mine, collector, """
                {"side":"THEIRS","kind":"OTHER","terms":"以货抵债","activityId":%d}""".formatted(elsewhere))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("activityId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(mine)));
        offer(mine, collector, """
                {"side":"THEIRS","kind":"OTHER","terms":"以货抵债","activityId":999999999}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("activityId"));
        assertThat(list(mine, null)).isEmpty();
        created(another, collector, """
                {"side":"THEIRS","kind":"OTHER","terms":"以货抵债","activityId":%d}""".formatted(elsewhere));
    }

    @Test
    void badInputIsRefusedNamingEachField() throws Exception {
        String c = customer("E", collector);
        String body = Api.json(offer(c, collector, """
                {"side":"US","amount":"-5","terms":"  "}""").andExpect(status().isBadRequest())).toString();
        assertThat(body).contains("\"field\":\"side\"", "\"field\":\"kind\"", "\"field\":\"amount\"", "\"field\":\"terms\"");
        offer(c, collector, """
                {"side":"OURS","kind":"DISCOUNT","amount":"12.345","terms":"x"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        offer(c, collector, """
                {"side":"OURS","kind":"DISCOUNT","amount":"abc","terms":"x"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        offer(c, collector, """
                {"side":"OURS","kind":"DISCOUNT","offeredOn":"2026-07-01","terms":"x"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offeredOn"));
        offer(c, collector, """
                {"side":"OURS","kind":"DISCOUNT","offeredOn":"2026-13-01","terms":"x"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offeredOn"));
        offer(c, collector, """
                {"side":"OURS","kind":"DISCOUNT","terms":"x","planId":0}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("planId"));
        call(get("/api/customers/" + c + "/offers").param("asOf", "30.06.2026"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        assertThat(list(c, null)).isEmpty();
    }

    @Test
    void aCollectorCannotSeeLogOrAnswerOffersOfAnotherCollectorsCustomer() throws Exception {
        String c = customer("F", collector);
        long id = created(c, collector, """
                {"side":"THEIRS","kind":"PAYMENT_PLAN","terms":"分两期"}""").get("id").asLong();
        offer(c, other, """
                {"side":"OURS","kind":"DISCOUNT","terms":"九五折"}""").andExpect(status().isNotFound());
        call(get("/api/customers/" + c + "/offers"), other, null).andExpect(status().isNotFound());
        call(get("/api/offers/" + id), other, null).andExpect(status().isNotFound());
        answer(id, "accept", other, null).andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + c + "/negotiation").with(as(other, Role.COLLECTOR))).andExpect(status().isNotFound());
        assertThat(list(c, null)).extracting(o -> o.get("status").asString()).containsExactly("OPEN");
    }

    static RequestPostProcessor as(String name, Role role) {
        return user(name).roles(role.name());
    }

    String html(MockHttpServletRequestBuilder req, RequestPostProcessor who) throws Exception {
        return mvc.perform(req.with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theNegotiationScreenAndThePanelShowTheHistoryInChineseAndEnglish() throws Exception {
        String c = customer("G", collector);
        RequestPostProcessor me = as(collector, Role.COLLECTOR);
        String empty = html(get("/customers/" + c + "/negotiation"), me);
        assertThat(empty).contains("谈判记录", "尚无报价记录", "offer-form").doesNotContain("negotiation-holds");

        long visit = activity(c, collector, "当面谈付款安排");
        mvc.perform(post("/customers/" + c + "/offers").with(me).with(csrf()).param("side", "THEIRS").param("kind", "PAYMENT_PLAN")
                .param("offeredOn", "2026-06-28").param("amount", "30,000.00").param("terms", "七月、八月各付一半").param("activityId", String.valueOf(visit)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/customers/" + c + "/negotiation"))
                .andExpect(flash().attribute("flash", "已记录报价。"));
        mvc.perform(post("/customers/" + c + "/offers").with(me).with(csrf()).param("side", "OURS").param("kind", "DISCOUNT").param("terms", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", containsString("条件")));
        long id = list(c, null).get(0).get("id").asLong();
        mvc.perform(post("/offers/" + id + "/refuse").with(me).with(csrf()).param("note", "须先付首期"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/customers/" + c + "/negotiation"));
        call(post("/api/customers/" + c + "/supply-holds"), "boss", """
                {"reason":"逾期未付，暂停发货"}""").andExpect(status().isCreated());

        String zh = html(get("/customers/" + c + "/negotiation"), as("boss", Role.MANAGER));
        assertThat(zh).contains("七月、八月各付一半", "30,000.00", "对方", "分期还款", "已拒绝", "须先付首期", "当面谈付款安排", "上门拜访",
                "negotiation-hold-history", "逾期未付，暂停发货").doesNotContain("尚无报价记录");
        String en = html(get("/customers/" + c + "/negotiation").param("lang", "en"), as("boss", Role.MANAGER));
        assertThat(en).contains("Negotiation history", "Offers and requests", "Customer", "Payment plan", "Refused", "Supply holds");

        String panel = html(get("/customers/" + c + "/negotiation-panel"), me);
        assertThat(panel).contains("七月、八月各付一半", "已拒绝", "/customers/" + c + "/negotiation");
        String panelEn = html(get("/customers/" + c + "/negotiation-panel").param("lang", "en"), me);
        assertThat(panelEn).contains("Negotiation", "Refused");
        assertThat(html(get("/customers/" + c), me)).contains("id=\"negotiation-panel\"", "/customers/" + c + "/negotiation-panel");
    }
}
