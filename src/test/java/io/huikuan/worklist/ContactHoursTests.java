package io.huikuan.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** An SMS or chat message produced at night waits for the next contact hour (08:00–21:00 Shanghai by default). */
class ContactHoursTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final ConductRules rules = new ConductRules(new ConductProperties(null, LocalTime.of(8, 0), LocalTime.of(21, 0), null, null, null), null,
            Clock.system(SHANGHAI));

    static Instant at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), SHANGHAI).toInstant();
    }

    Instant next(String local) {
        return rules.nextContactTime(at(local));
    }

    @Test
    void messagesWaitForTheContactHours() {
        assertThat(next("2026-06-30T01:30")).as("the nightly run at 01:30").isEqualTo(at("2026-06-30T08:00"));
        assertThat(next("2026-06-30T10:15")).as("within the hours: at once").isEqualTo(at("2026-06-30T10:15"));
        assertThat(next("2026-06-30T21:00")).as("21:00 is past the hours").isEqualTo(at("2026-07-01T08:00"));
        assertThat(next("2026-06-30T23:59")).isEqualTo(at("2026-07-01T08:00"));
        assertThat(next("2026-06-30T08:00")).isEqualTo(at("2026-06-30T08:00"));
    }
}
