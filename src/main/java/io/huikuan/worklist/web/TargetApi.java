package io.huikuan.worklist.web;

import io.huikuan.common.Page;
import io.huikuan.identity.CurrentUser;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.CollectionPlans;
import io.huikuan.worklist.Targets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Collection targets, plans, progress, leaderboard and month-end evaluation (催款计划与目标) for API clients. */
@RestController
@Tag(name = "Targets")
class TargetApi {

    record TargetRequest(String month, String scope, String key, BigDecimal amount) {
    }

    record PlanRequest(String customerCode, String month, BigDecimal expectedAmount, String channel, String owner, String notes) {
    }

    private final Targets targets;
    private final CollectionPlans plans;

    TargetApi(Targets targets, CollectionPlans plans) {
        this.targets = targets;
        this.plans = plans;
    }

    @PutMapping("/api/targets")
    @Operation(summary = "Set a month's collection target (MANAGER or ADMIN): month yyyy-MM, scope USER (key = username) or TEAM "
            + "(key = team), amount ≥ 0")
    Targets.Target set(@RequestBody TargetRequest r) {
        return targets.set(r.month(), r.scope(), r.key(), r.amount());
    }

    @GetMapping("/api/targets")
    @Operation(summary = "A month's targets (default this month); collectors see their own and their team's")
    Page<Targets.Target> list(@RequestParam(required = false) String month) {
        List<Targets.Target> items = targets.targets(targets.month("month", month));
        return new Page<>(items, items.size(), 0, items.size());
    }

    @PutMapping("/api/plans")
    @Operation(summary = "Set a customer's collection plan for a month: expectedAmount ≥ 0, channel, owner (default the customer's "
            + "owner); collectors for their own customers")
    CollectionPlans.Plan plan(@RequestBody PlanRequest r) {
        return plans.set(new CollectionPlans.NewPlan(r.customerCode(), r.month(), r.expectedAmount(),
                ScriptApi.parse(Channel.class, "channel", r.channel()), r.owner(), r.notes()));
    }

    @GetMapping("/api/plans")
    @Operation(summary = "A month's plans (default this month) with what each customer paid in the month so far; customer = a code")
    Page<CollectionPlans.Plan> plans(@RequestParam(required = false) String month, @RequestParam(required = false) String customer) {
        List<CollectionPlans.Plan> items = plans.list(targets.month("month", month), customer);
        return new Page<>(items, items.size(), 0, items.size());
    }

    @GetMapping("/api/targets/progress")
    @Operation(summary = "A collector's (user, default you) or a team's (team) month: target, collected, promised, planned, forecast, "
            + "achieved % (collectors only their own)")
    Targets.Progress progress(@RequestParam(required = false) String month, @RequestParam(required = false) String user,
            @RequestParam(required = false) String team) {
        YearMonth m = targets.month("month", month);
        if (team != null && !team.isBlank()) {
            return targets.teamProgress(team.trim(), m);
        }
        return targets.progress(user == null || user.isBlank() ? CurrentUser.get().username() : user.trim(), m);
    }

    @GetMapping("/api/leaderboard")
    @Operation(summary = "Collectors ranked by achieved % of their target, then collected (MANAGER, FINANCE)")
    Page<Targets.Standing> leaderboard(@RequestParam(required = false) String month) {
        List<Targets.Standing> items = targets.leaderboard(targets.month("month", month));
        return new Page<>(items, items.size(), 0, items.size());
    }

    @GetMapping("/api/targets/evaluation")
    @Operation(summary = "A past month's evaluation: each collector's and team's target, collected, achieved % and whether met")
    Targets.MonthEvaluation evaluation(@RequestParam String month) {
        return targets.evaluation(targets.month("month", month));
    }
}
