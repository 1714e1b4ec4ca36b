package io.huikuan.strategy;

import io.huikuan.common.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the collection run nightly ({@code huikuan.collection.schedule}); a node that finds it running elsewhere skips. */
@Component
@Profile("!cli")
class CollectionSchedule {

    private static final Logger log = LoggerFactory.getLogger(CollectionSchedule.class);
    private final CollectionRuns runs;

    CollectionSchedule(CollectionRuns runs) {
        this.runs = runs;
    }

    @Scheduled(cron = "${huikuan.collection.schedule:0 30 1 * * *}", zone = "${huikuan.zone:Asia/Shanghai}")
    void nightly() {
        try {
            CollectionRun run = runs.run(null, "SCHEDULE");
            log.info("scheduled collection run {} as of {}: {} tasks created", run.runId(), run.asOf(), run.tasksCreated());
        } catch (ConflictException e) {
            log.info("scheduled collection run skipped: {}", e.getMessage());
        }
    }
}
