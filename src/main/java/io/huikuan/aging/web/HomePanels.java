package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucket;
import io.huikuan.aging.AgingGrouping;
import io.huikuan.aging.AgingQueries;
import io.huikuan.aging.AgingReport;
import io.huikuan.correspondence.Outbox;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.WorkSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home panels (issue 12, item 10): the collection work of the dashboard (from the worklist's and the
 * outbox's public queries; a collector sees their own work) and the overview's aging card, which uses the
 * same default buckets as the dashboard ({@link AgingBucket#DEFAULTS}), so the two pages never disagree.
 */
@Controller
class HomePanels {

    /** One bucket of the overview card: label, amount, share of the total in percent (0–100), the invoices behind it. */
    record BucketRow(String label, BigDecimal amount, int share, String href) {
    }

    private final WorkSummary work;
    private final Outbox outbox;
    private final AgingQueries aging;
    private final MessageSource messages;
    private final Clock clock;

    HomePanels(WorkSummary work, Outbox outbox, AgingQueries aging, MessageSource messages, Clock clock) {
        this.work = work;
        this.outbox = outbox;
        this.aging = aging;
        this.messages = messages;
        this.clock = clock;
    }

    /** Adds the work panel's figures to the dashboard's model. */
    void addWork(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("work", work.figures());
        boolean seesOutbox = user.has(Role.COLLECTOR) || user.has(Role.FINANCE) || user.isManager() || user.has(Role.LEGAL);
        model.addAttribute("outboxProblems", seesOutbox ? outbox.search(Outbox.PROBLEMS, null, 0, 1).total() : null);
    }

    /** The overview's aging card: the default buckets of the dashboard, for the user's portfolio, as of today. */
    @GetMapping("/overview/aging")
    String overviewAging(Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        AgingReport report = aging.aging(today, AgingGrouping.NONE);
        BigDecimal total = report.total().total();
        List<BucketRow> rows = new ArrayList<>();
        for (int b = 0; b < report.buckets().size(); b++) {
            AgingBucket bucket = report.buckets().get(b);
            BigDecimal amount = report.total().amounts().get(b);
            int share = total.signum() <= 0 ? 0 : amount.multiply(BigDecimal.valueOf(100)).divide(total, 0, java.math.RoundingMode.HALF_UP).intValue();
            rows.add(new BucketRow(AgingLabels.bucket(messages, bucket, locale), amount, share, DashboardPages.bucketHref(bucket, today)));
        }
        model.addAttribute("buckets", rows);
        model.addAttribute("asOf", today);
        return "aging/home-fragments :: overviewAging";
    }
}
