package io.huikuan.credit;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores every customer's score of the day (the history) daily, by default at 03:00 after the collection run
 * ({@code huikuan.credit.snapshot-schedule}, a cron; "-" turns it off). Replaces the day's snapshot, so a second node
 * running it too leaves the same rows.
 */
@Component
class CreditSnapshotSchedule {

    private static final Logger log = LoggerFactory.getLogger(CreditSnapshotSchedule.class);

    private final CreditScores scores;
    private final Clock clock;

    CreditSnapshotSchedule(CreditScores scores, Clock clock) {
        this.scores = scores;
        this.clock = clock;
    }

    @Scheduled(cron = "${huikuan.credit.snapshot-schedule:0 0 3 * * *}", zone = "${huikuan.zone:Asia/Shanghai}")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        long start = System.nanoTime();
        int n = scores.snapshot(today);
        log.info("credit scores as of {}: {} customers stored in {} ms", today, n, (System.nanoTime() - start) / 1_000_000);
    }
}
