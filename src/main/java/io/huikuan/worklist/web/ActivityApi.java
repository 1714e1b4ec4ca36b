package io.huikuan.worklist.web;

import io.huikuan.worklist.Activities;
import io.huikuan.worklist.Activity;
import io.huikuan.worklist.NewActivity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activities (催收记录) for API clients. */
@RestController
@Tag(name = "Activities")
class ActivityApi {

    private final Activities activities;
    private final Clock clock;

    ActivityApi(Activities activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    @PostMapping("/api/activities")
    @Operation(summary = "Log an activity: customerCode, channel and outcome required; taskId completes that task; outcome PROMISE "
            + "needs promiseAmount and promiseDate (a promise is recorded); nextFollowUp or appointmentAt schedules a follow-up task. "
            + "Conduct rules (contact hours, daily and weekly caps, minimum gap) are named by code; managers may override with "
            + "overrideReason")
    ResponseEntity<Activity> log(@RequestBody NewActivity.Draft body) {
        Activity a = activities.log(NewActivity.parse(body, clock.getZone()));
        return ResponseEntity.created(URI.create("/api/activities?customer="
                + org.springframework.web.util.UriUtils.encodeQueryParam(a.customerCode(), java.nio.charset.StandardCharsets.UTF_8))).body(a);
    }

    @GetMapping("/api/activities")
    @Operation(summary = "A customer's activities, newest first")
    List<Activity> list(@RequestParam String customer, @RequestParam(defaultValue = "200") int limit) {
        return activities.forCustomer(customer, limit);
    }
}
