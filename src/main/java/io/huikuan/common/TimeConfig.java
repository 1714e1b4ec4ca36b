package io.huikuan.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" comes from this clock, in the company's zone ({@code huikuan.zone}, default
 * Asia/Shanghai). {@code huikuan.today=yyyy-MM-dd} fixes the date (10:00 that day), so the
 * whole application can run "as of" any date; tests use it.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(@Value("${huikuan.zone:Asia/Shanghai}") String zone, @Value("${huikuan.today:}") String today) {
        ZoneId id = ZoneId.of(zone);
        if (today == null || today.isBlank()) {
            return Clock.system(id);
        }
        return Clock.fixed(LocalDate.parse(today).atTime(LocalTime.of(10, 0)).atZone(id).toInstant(), id);
    }
}
