package io.huikuan.worklist;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Test data for the worklist: customers and contacts through the API, tasks as the daily run would insert them. */
final class WorklistFixture {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    WorklistFixture(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    void customer(String code, String owner) throws Exception {
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"工作客户 %s","owner":"%s","grade":"C"}""".formatted(code, code, owner)).andExpect(status().isCreated());
    }

    long contact(String code, String name) throws Exception {
        JsonNode c = Api.json(Api.call(mvc, post("/api/customers/" + code + "/contacts"), "admin", """
                {"name":"%s","role":"FINANCE","phone":"0571-8888 1234"}""".formatted(name)).andExpect(status().isCreated()));
        return c.get("id").asLong();
    }

    /** A task row; {@code offset} only for STEP; {@code assignee} null = the owner role's queue. */
    long task(String customerCode, String key, TaskKind kind, Integer offset, Channel channel, String ownerRole, String assignee,
            LocalDate due, String overdue, String priority, String segment) {
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(customerCode).query(Long.class).single();
        BigDecimal amount = new BigDecimal(overdue);
        String reason = Priority.reason(amount, BigDecimal.ONE, 20, kind, channel, false);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, segment_code, step_offset, channel, tone, owner_role, assignee,
                                             due_date, overdue_amount, days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,20,1,?,?,'OPEN',?)""")
                .params(customerId, key, kind.name(), segment, offset, channel.name(), kind == TaskKind.STEP ? "FIRM" : null, ownerRole,
                        assignee, due, amount, new BigDecimal(priority), reason, OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long step(String customerCode, int offset, Channel channel, String assignee, LocalDate due, String priority) {
        return task(customerCode, "S:1900-01-01:" + offset, TaskKind.STEP, offset, channel, "COLLECTOR", assignee, due, "12000.00", priority,
                null);
    }
}
