package io.huikuan.insight;

import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What one action costs by channel (CNY), for the effectiveness report; managers set it. */
@Service
public class ChannelCosts {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChannelCosts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Channel → cost of one action, by channel name. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> all() {
        CurrentUser.require("see action costs", Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.LEGAL);
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        jdbc.sql("SELECT channel, cost FROM insight_channel_cost ORDER BY channel").query((rs, i) -> costs.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        return costs;
    }

    /** Sets the costs given (others unchanged); 400 naming the channel for an unknown one or a negative or unparsable cost. */
    @Transactional
    public Map<String, BigDecimal> set(Map<String, String> costs) {
        CurrentUser user = CurrentUser.require("set action costs", Role.MANAGER);
        java.util.List<ValidationException.FieldError> errors = new java.util.ArrayList<>();
        Map<String, BigDecimal> parsed = new LinkedHashMap<>();
        costs.forEach((channel, raw) -> {
            if (Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
                errors.add(ValidationException.FieldError.coded(channel, raw, "insight.channel", "not a channel: one of " + Arrays.toString(Channel.values())));
                return;
            }
            try {
                BigDecimal v = new BigDecimal(raw == null ? "" : raw.trim());
                if (v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("1000000")) >= 0) {
                    errors.add(ValidationException.FieldError.coded(channel, raw, "insight.cost", "a cost from 0 to 999999.99 with at most 2 decimals"));
                } else {
                    parsed.put(channel, v);
                }
            } catch (NumberFormatException e) {
                errors.add(ValidationException.FieldError.coded(channel, raw, "insight.cost", "a cost from 0 to 999999.99 with at most 2 decimals"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Timestamp now = Timestamp.from(clock.instant());
        parsed.forEach((channel, v) -> {
            if (jdbc.sql("UPDATE insight_channel_cost SET cost = ?, updated_by = ?, updated_at = ? WHERE channel = ?")
                    .params(v, user.username(), now, channel).update() == 0) {
                jdbc.sql("INSERT INTO insight_channel_cost (channel, cost, updated_by, updated_at) VALUES (?, ?, ?, ?)")
                        .params(channel, v, user.username(), now).update();
            }
        });
        return all();
    }
}
