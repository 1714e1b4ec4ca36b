package io.huikuan.credit;

import io.huikuan.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds the credit reviews due daily, by default at 03:30 after the score snapshot ({@code huikuan.credit.review-schedule},
 * a cron, "-" turns it off): a review and a worklist task for each customer due. Idempotent (one open review per customer),
 * so a second node doing it too writes nothing more.
 */
@Component
class CreditReviewSchedule {

    private static final Logger log = LoggerFactory.getLogger(CreditReviewSchedule.class);

    private final CreditReviews reviews;
    private final Clock clock;

    CreditReviewSchedule(CreditReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Scheduled(cron = "${huikuan.credit.review-schedule:0 30 3 * * *}", zone = "${huikuan.zone:Asia/Shanghai}")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        CurrentUser.runAsSystem(() -> log.info("credit reviews due by {}: {} opened", today, reviews.openDue(today)));
    }
}
