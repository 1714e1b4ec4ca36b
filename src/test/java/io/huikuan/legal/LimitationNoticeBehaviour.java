package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The daily limitation notices (issue 14): warnings to legal and the owner at exactly 180, 90 and 30 days before the
 * last day and never twice, demand proposals only without a recent interruption, each once per customer and last day.
 * Each test has its own customers; the job runs over the whole ledger, so assertions look at those customers only.
 * H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class LimitationNoticeBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    LimitationNotices notices;
    @Autowired
    LimitationEvents events;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    String collector;
    String token;

    /** A task of the worklist as stored. */
    record Written(String key, String kind, String channel, String ownerRole, String assignee, LocalDate dueDate, String note, String link) {
    }

    @BeforeEach
    void setUp() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        token = UUID.randomUUID().toString().substring(0, 8);
        collector = "nc-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        today("2025-06-01");
    }

    void today(String date) {
        clock.set(LocalDate.parse(date), LocalTime.of(10, 0));
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix, String owner) throws Exception {
        String code = "LN-" + token + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"预警客户 %s","owner":"%s","grade":"C"}""".formatted(code, code, owner)).andExpect(status().isCreated());
        return code;
    }

    String invoice(String customer, String suffix, String due, String amount) throws Exception {
        String no = customer + "-" + suffix;
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, customer, LocalDate.parse(due).minusDays(30), due, amount)).andExpect(status().isCreated());
        return no;
    }

    List<Written> tasks(String customer) {
        return jdbc.sql("""
                SELECT t.task_key, t.kind, t.channel, t.owner_role, t.assignee, t.due_date, t.note, t.link FROM collection_task t
                JOIN customer c ON c.id = t.customer_id WHERE c.code = ? ORDER BY t.id""").param(customer)
                .query((rs, n) -> new Written(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8)))
                .list();
    }

    List<Written> ofKind(String customer, String kind) {
        return tasks(customer).stream().filter(t -> t.kind().equals(kind)).toList();
    }

    void run(String date) {
        notices.run(LocalDate.parse(date));
    }

    @Test
    void warnsLegalAndTheOwnerAtExactly180And90And30DaysBeforeTheLastDayAndNeverTwice() throws Exception {
        String c = customer("W", collector);
        String a = invoice(c, "A", "2023-03-10", "8000.00");
        String b = invoice(c, "B", "2023-03-10", "2000.50");
        // last day 2026-03-10 (three years after the due date, Civil Code art. 188)
        run("2025-09-10"); // 181 days before
        assertThat(ofKind(c, "LIMITATION_WARNING")).as("181 days before: no warning yet").isEmpty();

        run("2025-09-11"); // 180 days before
        List<Written> first = ofKind(c, "LIMITATION_WARNING");
        assertThat(first).extracting(Written::key).containsExactly("LW180:2026-03-10:L", "LW180:2026-03-10:O");
        Written legal = first.get(0);
        assertThat(legal.ownerRole()).isEqualTo("LEGAL");
        assertThat(legal.assignee()).as("legal's queue").isNull();
        Written owner = first.get(1);
        assertThat(owner.ownerRole()).isEqualTo("COLLECTOR");
        assertThat(owner.assignee()).isEqualTo(collector);
        assertThat(owner.dueDate()).isEqualTo(LocalDate.parse("2025-09-11"));
        assertThat(owner.note()).isEqualTo("limitation-warning|180|2026-03-10|" + a + ", " + b + "|CNY 10,000.50");
        assertThat(owner.link()).isEqualTo("/legal/limitation/customers/" + c);

        run("2025-09-11");
        run("2025-09-12");
        run("2025-12-09"); // 91 days before
        assertThat(ofKind(c, "LIMITATION_WARNING")).as("one per customer and threshold, never twice").hasSize(2);

        run("2025-12-10"); // 90 days before
        run("2025-12-11");
        run("2026-02-07"); // 31 days before
        assertThat(ofKind(c, "LIMITATION_WARNING")).extracting(Written::key).containsExactly("LW180:2026-03-10:L", "LW180:2026-03-10:O",
                "LW90:2026-03-10:L", "LW90:2026-03-10:O");

        run("2026-02-08"); // 30 days before
        run("2026-02-08");
        run("2026-03-10"); // the last day itself: no new threshold
        run("2026-03-11"); // expired: nothing more to warn about
        assertThat(ofKind(c, "LIMITATION_WARNING")).extracting(Written::key).containsExactly("LW180:2026-03-10:L", "LW180:2026-03-10:O",
                "LW90:2026-03-10:L", "LW90:2026-03-10:O", "LW30:2026-03-10:L", "LW30:2026-03-10:O");
        assertThat(ofKind(c, "LIMITATION_WARNING").get(4).note()).startsWith("limitation-warning|30|2026-03-10|");
    }

    @Test
    void theDailyCollectionRunTriggersTheNoticesAsOfItsDate() throws Exception {
        String c = customer("J", collector);
        invoice(c, "A", "2023-03-10", "700.00");
        // the real daily run, as a manager starts it on that day: its completion reaches the legal module's listener
        clock.set(LocalDate.parse("2025-12-10"), java.time.LocalTime.of(6, 0));
        Api.call(mvc, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/collection-runs").param("asOf", "2025-12-10"),
                "admin", null).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        long until = System.currentTimeMillis() + 20_000;
        while (ofKind(c, "LIMITATION_WARNING").size() < 2 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(ofKind(c, "LIMITATION_WARNING")).extracting(Written::key).containsExactly("LW90:2026-03-10:L", "LW90:2026-03-10:O");
        assertThat(ofKind(c, "LIMITATION_DEMAND")).extracting(Written::dueDate).containsExactly(LocalDate.parse("2025-12-10"));
    }

    @Test
    void aJobThatWasDownWarnsOnceAtTheThresholdReachedAndACustomerWithoutOwnerGoesToTheManagers() throws Exception {
        String c = customer("D", "");
        invoice(c, "A", "2023-03-10", "500.00");
        run("2026-01-20"); // 49 days before: the 90-day threshold is the one reached
        assertThat(ofKind(c, "LIMITATION_WARNING")).extracting(Written::key, Written::ownerRole, Written::assignee)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LW90:2026-03-10:L", "LEGAL", null),
                        org.assertj.core.groups.Tuple.tuple("LW90:2026-03-10:O", "MANAGER", null));
    }

    @Test
    void anInterruptionMovesTheLastDayAndTheWarningsStartAgainForTheNewOne() throws Exception {
        String c = customer("I", collector);
        String a = invoice(c, "A", "2023-03-10", "800.00");
        run("2025-09-11");
        assertThat(ofKind(c, "LIMITATION_WARNING")).hasSize(2);
        today("2025-10-01");
        call(post("/api/limitation-events"), "legal", """
                {"customerCode":"%s","invoiceNos":["%s"],"date":"2025-10-01","kind":"ACKNOWLEDGED","evidence":"签字对账单"}"""
                .formatted(c, a)).andExpect(status().isCreated());
        run("2025-10-02");
        assertThat(ofKind(c, "LIMITATION_WARNING")).as("running again until 2028-10-01").hasSize(2);
        run("2028-04-04"); // 180 days before 2028-10-01
        assertThat(ofKind(c, "LIMITATION_WARNING")).extracting(Written::key).endsWith("LW180:2028-10-01:L", "LW180:2028-10-01:O");
    }

    @Test
    void proposesADemandOnlyWithoutARecentInterruptionAndOncePerCustomerAndLastDay() throws Exception {
        String quiet = customer("Q", collector);
        String q1 = invoice(quiet, "A", "2023-03-10", "3000.00");
        String recent = customer("R", collector);
        String r1 = invoice(recent, "A", "2023-03-10", "4000.00");
        String running = customer("N", collector);
        invoice(running, "A", "2024-03-10", "5000.00"); // last day 2027-03-10: not EXPIRING in 2025-12

        // a demand letter went out for `recent` on 2025-11-20 and waits for its courier receipt (recorded, not counting)
        today("2025-11-20");
        events.record(new LimitationEvents.NewEvent(recent, List.of(r1), LocalDate.parse("2025-11-20"), LimitationEventKind.DEMAND_DELIVERED,
                "催款函 DL-2025-000123", "DOCUMENT", "t-" + token, null, "counts once the courier receipt is entered"), "system");

        run("2025-12-01");
        List<Written> proposed = ofKind(quiet, "LIMITATION_DEMAND");
        assertThat(proposed).hasSize(1);
        Written d = proposed.getFirst();
        assertThat(d.key()).isEqualTo("LD:2026-03-10");
        assertThat(d.channel()).isEqualTo("DEMAND_LETTER");
        assertThat(d.assignee()).as("the owner's task").isEqualTo(collector);
        assertThat(d.note()).isEqualTo("limitation-demand|2026-03-10|" + q1 + "|CNY 3,000.00");
        assertThat(d.link()).isEqualTo("/customers/" + quiet + "#documents");
        assertThat(ofKind(recent, "LIMITATION_DEMAND")).as("a demand was sent 11 days ago").isEmpty();
        assertThat(ofKind(running, "LIMITATION_DEMAND")).as("not expiring").isEmpty();
        assertThat(ofKind(running, "LIMITATION_WARNING")).as("more than 180 days left").isEmpty();

        run("2025-12-02");
        run("2026-02-18"); // 90 days after the letter: still within the last 90 days
        assertThat(ofKind(quiet, "LIMITATION_DEMAND")).as("once per customer and last day").hasSize(1);
        assertThat(ofKind(recent, "LIMITATION_DEMAND")).isEmpty();

        run("2026-02-19"); // 91 days after the letter, no receipt entered: propose a demand now
        assertThat(ofKind(recent, "LIMITATION_DEMAND")).extracting(Written::key).containsExactly("LD:2026-03-10");
    }

    @Test
    void theTaskPageExplainsTheDemandAndOffersTheLetterToThoseWhoMayIssueIt() throws Exception {
        Api.user(users, "manager", Role.MANAGER);
        String c = customer("P", collector);
        String a = invoice(c, "A", "2023-03-10", "3000.00");
        today("2025-12-01");
        run("2025-12-01");
        long id = jdbc.sql("SELECT t.id FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'LIMITATION_DEMAND'")
                .param(c).query(Long.class).single();
        String asOwner = page(call(get("/worklist/tasks/" + id + "?lang=en"), collector, null));
        assertThat(asOwner).contains("Send a demand letter (催款函) before 2026-03-10", a, "CNY 3,000.00", "Civil Code art. 195")
                .contains("id=\"issue-demand-ask\"").doesNotContain("id=\"issue-demand\"");
        String asManager = page(call(get("/worklist/tasks/" + id + "?lang=zh-CN"), "manager", null));
        assertThat(asManager).contains("请在 2026-03-10 前发出催款函", "第一百九十五条", "id=\"issue-demand\"",
                "action=\"/customers/" + c + "/letters\"", "value=\"DEMAND_LETTER\"");
    }

    static String page(ResultActions r) throws Exception {
        return r.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
