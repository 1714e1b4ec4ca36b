package io.huikuan.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import io.huikuan.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Early-warning rules and alerts (issue 15, item 4) on H2 and PostgreSQL: each shipped rule fires on its customer of a
 * small worked portfolio and none on a control customer; evaluating again raises nothing new; a cleared condition resolves
 * its alert and a recurrence is a new episode; acknowledge and resolve; the dry run stores nothing; bad rules are refused
 * naming the field; a collector sees their own customers' alerts only; the managers' digest reaches the SMTP server.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.mail.from=ar@huikuan.test", "huikuan.credit.alerts.digest-domain=huikuan.test"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class AlertBehaviour {

    /** One SMTP server for the JVM: the H2 and the PostgreSQL classes share it (each reads its own recipients' mail). */
    static final GreenMail SMTP = TestSmtp.start();
    static final String DAY = "2025-06-10";

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
    JdbcClient jdbc;
    @Autowired
    AlertDigest digest;
    @Autowired
    OutboxSender sender;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    String token;
    String collector;
    String other;

    @BeforeEach
    void setUp() {
        clock.set(LocalDate.parse(DAY), LocalTime.of(10, 0));
        Api.user(users, "al-admin", Role.ADMIN);
        Api.user(users, "al-finance", Role.FINANCE);
        Api.user(users, "al-boss", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "al-" + token.toLowerCase();
        other = "al-other-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, other, Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix, String limit, String owner) throws Exception {
        String code = "AL-" + token + "-" + suffix;
        call(post("/api/customers"), "al-admin", """
                {"code":"%s","name":"苏州恒信 %s","owner":"%s"%s}""".formatted(code, suffix, owner,
                limit == null ? "" : ",\"creditLimit\":" + limit)).andExpect(status().isCreated());
        return code;
    }

    String customer(String suffix, String limit) throws Exception {
        return customer(suffix, limit, collector);
    }

    void invoice(String customer, String no, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "al-finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(customer, no, customer, issue, due, amount)).andExpect(status().isCreated());
    }

    void pay(String customer, String ref, String date, String amount, String invoiceNo) throws Exception {
        call(post("/api/payments"), "al-finance", """
                {"paymentRef":"%s-%s","customerCode":"%s","paymentDate":"%s","amount":%s,"method":"BANK_TRANSFER",
                 "allocations":[{"invoiceNo":"%s-%s","amount":%s}]}""".formatted(customer, ref, customer, date, amount, customer, invoiceNo, amount))
                .andExpect(status().isCreated());
    }

    long id(String code) {
        return jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
    }

    JsonNode evaluate(String asOf) throws Exception {
        return Api.json(call(post("/api/alerts/evaluate").param("asOf", asOf), "al-admin", null).andExpect(status().isOk()));
    }

    /** The alerts of a customer (every status), as the manager sees them. */
    List<JsonNode> alerts(String code, String lang) throws Exception {
        JsonNode page = Api.json(call(get("/api/alerts").param("customer", code).param("lang", lang), "al-boss", null).andExpect(status().isOk()));
        return page.get("items").valueStream().toList();
    }

    /** Kind → how many alerts of that kind the customer has. */
    Map<String, Long> kinds(String code) throws Exception {
        return alerts(code, "en").stream().collect(Collectors.groupingBy(a -> a.get("kind").asString(), Collectors.counting()));
    }

    JsonNode only(String code, String kind, String lang) throws Exception {
        List<JsonNode> found = alerts(code, lang).stream().filter(a -> a.get("kind").asString().equals(kind)).toList();
        assertThat(found).as(kind + " alerts of " + code).hasSize(1);
        return found.getFirst();
    }

    long ruleOf(String kind) {
        return jdbc.sql("SELECT min(id) FROM credit_alert_rule WHERE kind = ? AND deleted_at IS NULL AND updated_by = 'system'").param(kind)
                .query(Long.class).single();
    }

    @Test
    void eachShippedRuleFiresOnItsCustomerAndNoneOnTheControl() throws Exception {
        Timestamp now = Timestamp.from(clock.instant());
        String od = customer("OD", null);
        invoice(od, "1", "2025-01-01", "2025-02-01", "10000.00");
        String ol = customer("OL", "5000.00");
        invoice(ol, "1", "2025-06-01", "2025-07-01", "8000.00");
        String dtp = customer("DTP", null);
        invoice(dtp, "1", "2024-11-01", "2024-12-31", "10000.00");
        pay(dtp, "P1", "2025-01-05", "10000.00", "1");
        invoice(dtp, "2", "2025-03-01", "2025-04-01", "10000.00");
        pay(dtp, "P2", "2025-05-06", "10000.00", "2");
        String gd = customer("GD", null);
        jdbc.sql("INSERT INTO credit_score (customer_id, as_of, score, grade) VALUES (?, ?, 78, 'B'), (?, ?, 62, 'C')")
                .params(id(gd), Date.valueOf("2025-05-11"), id(gd), Date.valueOf(DAY)).update();
        String bp = customer("BP", null);
        for (String settled : List.of("2025-04-01", "2025-06-01")) {
            jdbc.sql("""
                    INSERT INTO promise (customer_id, amount, made_on, promised_date, status, paid_amount, settled_on, created_by, created_at)
                    VALUES (?, 5000, ?, ?, 'BROKEN', 0, ?, 'al-boss', ?)""").params(id(bp), Date.valueOf(LocalDate.parse(settled).minusDays(20)),
                    Date.valueOf(LocalDate.parse(settled).minusDays(3)), Date.valueOf(settled), now).update();
        }
        String pb = customer("PB", null);
        jdbc.sql("""
                INSERT INTO payment_plan (customer_id, currency, agreed_on, open_total, interest, waived, total, status, required_authority,
                  negotiated_by, created_at, approved_on, broken_on)
                VALUES (?, 'CNY', ?, 1000, 0, 0, 1000, 'ACTIVE', 'COLLECTOR', 'al-boss', ?, ?, ?)""")
                .params(id(pb), Date.valueOf("2025-04-01"), now, Date.valueOf("2025-04-01"), Date.valueOf("2025-06-01")).update();
        String li = customer("LI", null);
        invoice(li, "1", "2025-06-01", "2025-06-20", "200000.00");
        call(put("/api/customers/" + li + "/credit/override"), "al-boss", """
                {"grade":"E","reason":"法院冻结账户","expiresOn":"2025-12-31"}""").andExpect(status().isOk());
        String le = customer("LE", null);
        invoice(le, "1", "2022-05-20", "2022-06-20", "3000.00");
        String nc = customer("NC", null);
        invoice(nc, "1", "2025-04-01", "2025-05-01", "2000.00");
        String talked = customer("NC2", null);
        invoice(talked, "1", "2025-04-01", "2025-05-01", "2000.00");
        jdbc.sql("""
                INSERT INTO activity (customer_id, channel, occurred_at, outcome, recorded_by, recorded_at)
                VALUES (?, 'PHONE', ?, 'REACHED', ?, ?)""").params(id(talked), Timestamp.valueOf("2025-06-01 10:00:00"), collector, now).update();
        BigDecimal total = jdbc.sql("SELECT coalesce(sum(open_amount), 0) FROM balance_period WHERE valid_to IS NULL").query(BigDecimal.class).single();
        String co = customer("CO", null);
        invoice(co, "1", "2025-06-01", "2025-07-31", total.divide(BigDecimal.valueOf(4)).max(new BigDecimal("100000")).setScale(2,
                java.math.RoundingMode.UP).toPlainString());
        String control = customer("CTRL", "1000000.00");
        invoice(control, "1", "2025-06-01", "2025-07-31", "1000.00");

        JsonNode run = evaluate(DAY);
        assertThat(run.get("raised").asInt()).isGreaterThanOrEqualTo(10);

        assertThat(kinds(od)).containsKey("OVERDUE");
        assertThat(only(od, "OVERDUE", "zh-CN").get("reason").asString()).isEqualTo("最久一笔已逾期129天，逾期金额10000.00");
        JsonNode overdue = only(od, "OVERDUE", "en");
        assertThat(overdue.get("reason").asString()).isEqualTo("oldest item 129 days overdue, 10000.00 overdue");
        assertThat(overdue.get("severity").asString()).isEqualTo("HIGH");
        assertThat(overdue.get("action").asString()).isEqualTo("ESCALATE");
        assertThat(overdue.get("owner").asString()).isEqualTo(collector);
        assertThat(overdue.get("status").asString()).isEqualTo("OPEN");
        assertThat(overdue.get("raisedOn").asString()).isEqualTo(DAY);

        JsonNode over = only(ol, "OVER_LIMIT", "en");
        assertThat(over.get("reason").asString()).isEqualTo("exposure 8000.00 over the credit limit 5000.00 (160% used)");
        assertThat(over.get("action").asString()).isEqualTo("HOLD_SUPPLY");
        assertThat(over.get("holdId").isNull()).as("a supply hold was proposed").isFalse();
        assertThat(jdbc.sql("SELECT status || ':' || source FROM supply_hold WHERE id = ?").param(over.get("holdId").asLong()).query(String.class)
                .single()).isEqualTo("PROPOSED:CREDIT_ALERT");

        assertThat(only(dtp, "DTP_WORSENING", "en").get("reason").asString())
                .isEqualTo("35 days late on average in the last 3 months against 5 in the 3 months before: 30 days slower");
        assertThat(only(gd, "GRADE_DROP", "en").get("reason").asString()).isEqualTo("grade dropped from B to C (since 2025-05-11)");
        assertThat(only(bp, "BROKEN_PROMISES", "zh-CN").get("reason").asString()).isEqualTo("90天内2次付款承诺未兑现");
        assertThat(only(pb, "PLAN_BROKEN", "en").get("reason").asString()).isEqualTo("payment plan broken on 2025-06-01");
        assertThat(only(li, "LARGE_INVOICE_DUE", "en").get("reason").asString())
                .isEqualTo("grade E: 1 large invoices of 200000.00 in all falling due (first on 2025-06-20)");
        assertThat(only(le, "LIMITATION_EXPIRING", "en").get("reason").asString()).startsWith("limitation period of 1 invoices (3000.00) ending");
        assertThat(only(nc, "NO_CONTACT", "en").get("reason").asString()).isEqualTo("2000.00 overdue and no contact ever recorded");
        assertThat(kinds(talked)).as("contacted on 2025-06-01").doesNotContainKey("NO_CONTACT");
        assertThat(only(co, "CONCENTRATION", "en").get("reason").asString()).contains("% of all open receivables");

        assertThat(alerts(control, "en")).as("the control customer").isEmpty();
        assertThat(kinds(ol)).as("the over-limit customer is not overdue").containsOnlyKeys("OVER_LIMIT");
    }

    @Test
    void evaluatingAgainRaisesNothingNewAndAClearedConditionEndsTheEpisode() throws Exception {
        String c = customer("EP", null);
        invoice(c, "1", "2025-01-01", "2025-02-01", "10000.00");
        evaluate(DAY);
        evaluate(DAY);
        JsonNode first = only(c, "OVERDUE", "en");

        // the manager resolves it while the condition still holds: the same episode, nothing new
        call(post("/api/alerts/" + first.get("id").asLong() + "/resolve"), "al-boss", """
                {"note":"已与财务总监通话，月底前付清"}""").andExpect(status().isOk());
        evaluate("2025-06-11");
        assertThat(only(c, "OVERDUE", "en").get("status").asString()).isEqualTo("RESOLVED");

        pay(c, "P1", "2025-06-11", "10000.00", "1");
        evaluate("2025-06-12");
        JsonNode cleared = only(c, "OVERDUE", "en");
        assertThat(cleared.get("clearedOn").asString()).isEqualTo("2025-06-12");
        assertThat(cleared.get("resolvedBy").asString()).as("resolved by hand before it cleared").isEqualTo("al-boss");

        invoice(c, "2", "2025-01-15", "2025-02-15", "4000.00");
        evaluate("2025-06-13");
        List<JsonNode> overdue = alerts(c, "en").stream().filter(a -> a.get("kind").asString().equals("OVERDUE")).toList();
        assertThat(overdue).as("a recurrence is a new episode").hasSize(2);
        assertThat(overdue.getFirst().get("status").asString()).isEqualTo("OPEN");
        assertThat(overdue.getFirst().get("raisedOn").asString()).isEqualTo("2025-06-13");

        pay(c, "P2", "2025-06-13", "4000.00", "2");
        evaluate("2025-06-14");
        JsonNode auto = alerts(c, "en").stream().filter(a -> a.get("kind").asString().equals("OVERDUE")).findFirst().orElseThrow();
        assertThat(auto.get("status").asString()).as("cleared: resolved by the system").isEqualTo("RESOLVED");
        assertThat(auto.get("resolvedBy").asString()).isEqualTo("system");
        assertThat(auto.get("resolveNote").asString()).contains("condition cleared");
    }

    @Test
    void anAlertIsAcknowledgedThenResolvedWithANote() throws Exception {
        String c = customer("AK", null);
        invoice(c, "1", "2025-01-01", "2025-02-01", "10000.00");
        evaluate(DAY);
        long id = only(c, "OVERDUE", "en").get("id").asLong();
        long badge = Api.json(call(get("/api/alerts/count"), collector, null).andExpect(status().isOk())).get("open").asLong();
        assertThat(badge).as("OVERDUE and NO_CONTACT").isEqualTo(2);

        JsonNode ack = Api.json(call(post("/api/alerts/" + id + "/acknowledge"), collector, """
                {"note":"已安排明天上门"}""").andExpect(status().isOk()));
        assertThat(ack.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.get("acknowledgedBy").asString()).isEqualTo(collector);
        assertThat(ack.get("acknowledgeNote").asString()).isEqualTo("已安排明天上门");
        call(post("/api/alerts/" + id + "/acknowledge"), collector, "{}").andExpect(status().isConflict());
        assertThat(Api.json(call(get("/api/alerts/count"), collector, null)).get("open").asLong()).isEqualTo(1);

        call(post("/api/alerts/" + id + "/resolve"), collector, "{\"note\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        JsonNode resolved = Api.json(call(post("/api/alerts/" + id + "/resolve"), collector, """
                {"note":"客户已付款承诺，转入承诺跟进"}""").andExpect(status().isOk()));
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolvedBy").asString()).isEqualTo(collector);
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
        call(post("/api/alerts/" + id + "/resolve"), collector, "{\"note\":\"again\"}").andExpect(status().isConflict());
        call(get("/api/alerts").param("status", "CLOSED"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        assertThat(Api.json(call(get("/api/alerts").param("status", "RESOLVED").param("customer", c), collector, null)).get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void theDryRunCountsWithoutStoringAnything() throws Exception {
        String c = customer("DR", null);
        invoice(c, "1", "2025-01-01", "2025-02-01", "10000.00");
        long rule = ruleOf("OVERDUE");
        long before = jdbc.sql("SELECT count(*) FROM credit_alert").query(Long.class).single();
        long holds = jdbc.sql("SELECT count(*) FROM supply_hold").query(Long.class).single();
        JsonNode dry = Api.json(call(post("/api/alert-rules/" + rule + "/dry-run").param("asOf", DAY), "al-boss", null).andExpect(status().isOk()));
        assertThat(dry.get("alerts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(dry.get("newAlerts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM credit_alert").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM supply_hold").query(Long.class).single()).isEqualTo(holds);
        assertThat(alerts(c, "en")).isEmpty();
        call(post("/api/alert-rules/" + rule + "/dry-run"), collector, null).andExpect(status().isForbidden());
        call(post("/api/alert-rules/" + rule + "/dry-run").param("asOf", "2025-13-01"), "al-boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(post("/api/alerts/evaluate"), "al-boss", null).andExpect(status().isForbidden());
    }

    @Test
    void rulesAreManagedByManagersAndBadParametersAreRefusedNamingTheField() throws Exception {
        String[][] bad = {
                {"{\"name\":\"x\",\"kind\":\"OVERDUE\"}", "days"},
                {"{\"name\":\"x\",\"kind\":\"SOMETHING\",\"days\":\"3\"}", "kind"},
                {"{\"name\":\"x\",\"kind\":\"LARGE_INVOICE_DUE\",\"days\":\"10\",\"amount\":\"1000\"}", "grade"},
                {"{\"name\":\"x\",\"kind\":\"CONCENTRATION\",\"pct\":\"150\"}", "pct"},
                {"{\"name\":\"x\",\"kind\":\"NO_CONTACT\",\"days\":\"ten\"}", "days"},
                {"{\"name\":\"x\",\"kind\":\"BROKEN_PROMISES\",\"days\":\"90\"}", "count"},
                {"{\"name\":\"x\",\"kind\":\"OVERDUE\",\"days\":\"30\",\"severity\":\"URGENT\"}", "severity"},
                {"{\"name\":\"x\",\"kind\":\"OVERDUE\",\"days\":\"30\",\"action\":\"SUE\"}", "action"},
                {"{\"name\":\"\",\"kind\":\"OVERDUE\",\"days\":\"30\"}", "name"}};
        long rules = jdbc.sql("SELECT count(*) FROM credit_alert_rule").query(Long.class).single();
        for (String[] b : bad) {
            String body = call(post("/api/alert-rules"), "al-boss", b[0]).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(body).as(b[0]).contains("\"field\":\"" + b[1] + "\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM credit_alert_rule").query(Long.class).single()).as("nothing half-written").isEqualTo(rules);
        call(post("/api/alert-rules"), collector, "{\"name\":\"x\",\"kind\":\"OVERDUE\",\"days\":\"30\"}").andExpect(status().isForbidden());

        JsonNode rule = Api.json(call(post("/api/alert-rules"), "al-boss", """
                {"name":"逾期超过200天 %s","kind":"OVERDUE","days":"200","severity":"HIGH","action":"CALL","active":false}""".formatted(token))
                .andExpect(status().isCreated()));
        long id = rule.get("id").asLong();
        assertThat(rule.get("days").asInt()).isEqualTo(200);
        assertThat(rule.get("amount").isNull()).isTrue();
        JsonNode changed = Api.json(call(put("/api/alert-rules/" + id), "al-boss", "{\"days\":\"120\",\"amount\":\"50000\"}").andExpect(status().isOk()));
        assertThat(changed.get("days").asInt()).isEqualTo(120);
        assertThat(changed.get("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(changed.get("severity").asString()).as("kept").isEqualTo("HIGH");
        assertThat(changed.get("active").asBoolean()).isFalse();
        call(put("/api/alert-rules/" + id), "al-boss", "{\"days\":\"-1\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        call(delete("/api/alert-rules/" + id), collector, null).andExpect(status().isForbidden());
        call(delete("/api/alert-rules/" + id), "al-boss", null).andExpect(status().isNoContent());
        call(get("/api/alert-rules/" + id), "al-boss", null).andExpect(status().isNotFound());
        assertThat(Api.json(call(get("/api/alert-rules"), collector, null)).valueStream().map(r -> r.get("kind").asString()).distinct().count())
                .as("the shipped rules, readable by anyone").isEqualTo(10);
    }

    @Test
    void aCollectorSeesTheirOwnCustomersAlertsOnly() throws Exception {
        String mine = customer("MINE", null);
        invoice(mine, "1", "2025-01-01", "2025-02-01", "10000.00");
        String theirs = customer("THEIRS", null, other);
        invoice(theirs, "1", "2025-01-01", "2025-02-01", "10000.00");
        evaluate(DAY);
        JsonNode page = Api.json(call(get("/api/alerts").param("status", "OPEN").param("size", "1000"), collector, null).andExpect(status().isOk()));
        List<String> codes = page.get("items").valueStream().map(a -> a.get("customerCode").asString()).distinct().toList();
        assertThat(codes).containsExactly(mine);
        long theirId = only(theirs, "OVERDUE", "en").get("id").asLong();
        call(get("/api/alerts/" + theirId), collector, null).andExpect(status().isNotFound());
        call(post("/api/alerts/" + theirId + "/acknowledge"), collector, "{}").andExpect(status().isNotFound());
        call(get("/api/alerts/" + theirId), other, null).andExpect(status().isOk());
        assertThat(Api.json(call(get("/api/alerts").param("customer", theirs), collector, null)).get("total").asLong()).isZero();
    }

    @Test
    void theManagersDigestOfTheDayReachesTheMailServerThroughTheOutbox() throws Exception {
        String boss = "al-lead-" + token.toLowerCase();
        Api.user(users, boss, Role.MANAGER);
        CurrentUser.runAsSystem(() -> {
            users.setTeam(boss, "T" + token);
            users.setTeam(collector, "T" + token);
        });
        String c = customer("DG", null);
        invoice(c, "1", "2025-01-01", "2025-02-01", "10000.00");
        String elsewhere = customer("ELSE", null, other);
        invoice(elsewhere, "1", "2025-01-01", "2025-02-01", "10000.00");
        evaluate(DAY);
        CurrentUser.runAsSystem(() -> digest.send(LocalDate.parse(DAY)));
        sender.runOnce();
        String to = boss + "@huikuan.test";
        List<MimeMessage> mine = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().getSubject()).startsWith("信用预警日报 Credit alerts 2025-06-10");
        String body = GreenMailUtil.getBody(mine.getFirst());
        assertThat(body).contains(c).contains("oldest item 129 days overdue").doesNotContain(elsewhere);

        CurrentUser.runAsSystem(() -> digest.send(LocalDate.parse(DAY)));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE recipient = ?").param(to).query(Long.class).single())
                .as("once per manager and day").isEqualTo(1);
    }

    @Test
    void theDailyCollectionRunEvaluatesTheRules() throws Exception {
        String c = customer("RUN", null);
        invoice(c, "1", "2025-01-01", "2025-02-01", "10000.00");
        // as the daily run does when it has committed
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(
                s -> publisher.publishEvent(new io.huikuan.strategy.CollectionRunCompleted(-1, LocalDate.parse(DAY))));
        long deadline = System.currentTimeMillis() + 60_000;
        while (!kinds(c).containsKey("OVERDUE") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(only(c, "OVERDUE", "en").get("raisedOn").asString()).isEqualTo(DAY);
    }
}
