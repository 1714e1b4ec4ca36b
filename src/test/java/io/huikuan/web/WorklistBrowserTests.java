package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.customer.PersonalityType;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Excuse;
import io.huikuan.worklist.Priority;
import io.huikuan.worklist.ScriptLibrary;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The worklist in Debian's Chromium: a collector opens a task's quick form (loaded with htmx), picks the
 * contact and the excuse and sees scripts for them, logs the call and the task leaves the list; the customer
 * page loads its collection panel and sets a contact's personality type.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorklistBrowserTests extends BrowserTestSupport {


    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScriptLibrary library;

    private String collector;
    private String code;
    private long contact;
    private long task;

    @BeforeEach
    void setUp() {
        String token = UUID.randomUUID().toString().substring(0, 6);
        collector = "wb-" + token;
        code = "WB-" + token;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            Api.user(users, collector, Role.COLLECTOR);
            customers.create(new Customer(code, "杭州西湖纺织有限公司", null, "华东", null, "纺织", collector, null, 60, "C",
                    List.of(new Contact(null, "陈财务", Contact.ContactRole.FINANCE, "财务经理", "0571-8888 0000", null, null, null))), null);
            contact = customers.contacts(customers.findRef(code).orElseThrow().id()).getFirst().id();
            customers.setPersonality(code, contact, PersonalityType.ANALYTICAL);
        } finally {
            SecurityContextHolder.clearContext();
        }
        BigDecimal amount = new BigDecimal("86000.00");
        task = jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, step_offset, channel, tone, owner_role, assignee, due_date, overdue_amount,
                                             days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?,'S:1900-01-01:14','STEP',14,'PHONE','FIRM','COLLECTOR',?,?,?,14,1.00,?,?,'OPEN',?)""")
                .params(customers.findRef(code).orElseThrow().id(), collector, LocalDate.of(2026, 6, 30), amount,
                        Priority.score(amount, BigDecimal.ONE, 14, BigDecimal.ONE), Priority.reason(amount, BigDecimal.ONE, 14, TaskKind.STEP,
                                Channel.PHONE, false), OffsetDateTime.now(ZoneOffset.UTC))
                .update() == 1 ? jdbc.sql("SELECT max(id) FROM collection_task").query(Long.class).single() : 0;
        openPage();
    }

    @Test
    void aCollectorLogsACallFromTheWorklistWithScriptsForTheExcuseAndThePerson() {
        login(collector);
        page.navigate(url("/worklist"));
        var row = page.locator("tr[data-task='" + task + "']");
        assertThat(row).containsText("杭州西湖纺织有限公司");
        assertThat(row).containsText("第 +14 天 · 电话");
        assertThat(row).containsText("逾期 86,000.00 × 风险 1.00");
        row.locator("summary").click();
        var form = row.locator("form.log-activity");
        assertThat(form).isVisible();
        shot("worklist-quick-form");

        String expected = library.suggest(Excuse.STATEMENT_DIFFERS, PersonalityType.ANALYTICAL, null, 3).getFirst().code();
        form.locator("select[name=contactId]").selectOption(String.valueOf(contact));
        form.locator("select[name=excuse]").selectOption("STATEMENT_DIFFERS");
        assertThat(form.locator(".suggested-scripts .script").first()).hasAttribute("data-code", expected);
        assertThat(form.locator(".suggested-scripts")).containsText("严谨型");
        shot("worklist-scripts");

        form.locator("input[name=occurredAt]").fill("2026-06-30T09:20");
        form.locator("select[name=outcome]").selectOption("REACHED");
        form.locator("textarea[name=notes]").fill("对账单差 2 笔，已发邮件核对");
        form.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/worklist.*"));
        assertThat(page.locator(".flash.ok")).containsText("催收记录已保存");
        assertThat(page.locator("tr[data-task='" + task + "']")).hasCount(0);
    }

    @Test
    void theCustomerPageShowsTheNextStepAndSetsThePersonalityType() {
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#next-step")).containsText("第 +14 天 · 电话");
        assertThat(page.locator("#collection form.log-activity select[name=taskId]")).hasValue(String.valueOf(task));
        page.locator("td.personality select").selectOption("DECISIVE");
        page.locator("td.personality button").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + ".*"));
        assertThat(page.locator("td.personality select")).hasValue("DECISIVE");
        shot("customer-collection");
    }

    @Test
    void theTaskPageNamesTheConductRuleInEnglishAndSnoozesWithAReason() {
        login(collector);
        page.navigate(url("/worklist/tasks/" + task + "?lang=en"));
        assertThat(page.locator("#task")).containsText("day +14 · Phone");
        assertThat(page.locator("#task")).containsText("overdue 86,000.00 × risk 1.00 × age 1.47 (14 days)");
        var form = page.locator("#log-activity form");
        form.locator("input[name=occurredAt]").fill("2026-06-30T07:00");
        form.locator("select[name=outcome]").selectOption("NOT_REACHED");
        form.locator("button[type=submit]").click();
        assertThat(page.locator("#log-activity .field-error").first()).containsText("07:00 is outside the contact hours 08:00–21:00");
        shot("task-conduct-en");
        page.locator("#snooze input[name=until]").fill("2026-07-03");
        page.locator("#snooze button[type=submit]").click();
        assertThat(page.locator("#snooze .field-error")).containsText("required");
        page.locator("#snooze input[name=reason]").fill("Accountant on leave until Friday");
        page.locator("#snooze button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/worklist$"));
        assertThat(page.locator("tr[data-task='" + task + "']")).hasCount(0);
    }


}
