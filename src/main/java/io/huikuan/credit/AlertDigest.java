package io.huikuan.credit;

import io.huikuan.correspondence.OutboxChannel;
import io.huikuan.correspondence.Outbox;
import io.huikuan.correspondence.OutgoingMessage;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily e-mail digest per manager (through the correspondence outbox): the alerts raised on the day for the customers
 * of the manager's team (owned by a user of the manager's team, or by the manager), or for every customer when the
 * manager has no team. Nothing new: no mail. Once per manager and day (the outbox's idempotency key).
 */
@Service
public class AlertDigest {

    private static final Logger log = LoggerFactory.getLogger(AlertDigest.class);

    private record Manager(String username, String team) {
    }

    private record Line(String severity, String code, String name, String reasonZh, String reasonEn, String action) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final AlertProperties settings;
    private final MessageSource messages;

    AlertDigest(JdbcClient jdbc, Outbox outbox, AlertProperties settings, MessageSource messages) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
    }

    /** Queues the digest of the alerts raised on {@code day} for each manager with news and an address; returns how many were queued. */
    @Transactional
    public int send(LocalDate day) {
        int queued = 0;
        List<Manager> managers = jdbc.sql("SELECT username, team FROM app_user WHERE enabled = TRUE AND roles LIKE '%MANAGER%' ORDER BY username")
                .query((rs, n) -> new Manager(rs.getString(1), rs.getString(2))).list();
        for (Manager m : managers) {
            String to = settings.addressOf(m.username());
            if (to == null) {
                continue;
            }
            List<Line> lines = lines(m, day);
            if (lines.isEmpty()) {
                continue;
            }
            outbox.enqueue(new OutgoingMessage("alert-digest-" + m.username() + "-" + day, OutboxChannel.EMAIL, null, to,
                    "信用预警日报 Credit alerts " + day + " (" + lines.size() + ")", text(lines, day), null, null, null, "system"));
            queued++;
        }
        log.info("credit alert digest of {}: {} mails queued", day, queued);
        return queued;
    }

    private List<Line> lines(Manager m, LocalDate day) {
        String scope = m.team() == null ? "" : " AND (c.owner = :me OR c.owner IN (SELECT u.username FROM app_user u WHERE u.team = :team))";
        JdbcClient.StatementSpec sql = jdbc.sql("""
                SELECT a.severity, c.code, c.name, a.reason_zh, a.reason_en, a.action FROM credit_alert a JOIN customer c ON c.id = a.customer_id
                WHERE a.raised_on = :day""" + scope
                + " ORDER BY CASE a.severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, c.code, a.id").param("day", Date.valueOf(day));
        if (m.team() != null) {
            sql = sql.param("me", m.username()).param("team", m.team());
        }
        return sql.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private String text(List<Line> lines, LocalDate day) {
        List<String> out = new ArrayList<>();
        out.add(day + " 新增信用预警 " + lines.size() + " 条 / " + lines.size() + " new credit alerts");
        out.add("");
        for (Line l : lines) {
            String zhAction = messages.getMessage("alert.action." + l.action(), null, l.action(), AlertEvaluator.ZH);
            String enAction = messages.getMessage("alert.action." + l.action(), null, l.action(), java.util.Locale.ENGLISH);
            out.add("[" + l.severity() + "] " + l.code() + " " + l.name());
            out.add("  " + l.reasonZh() + " — 建议：" + zhAction);
            out.add("  " + l.reasonEn() + " — suggested: " + enAction);
        }
        out.add("");
        out.add("/alerts");
        return String.join("\n", out);
    }
}
