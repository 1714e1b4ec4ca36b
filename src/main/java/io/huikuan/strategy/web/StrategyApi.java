package io.huikuan.strategy.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.Role;
import io.huikuan.strategy.DryRuns;
import io.huikuan.strategy.Step;
import io.huikuan.strategy.Strategies;
import io.huikuan.strategy.Strategy;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Tone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Strategies (playbooks): read, create, save a new version of the steps, dry-run a change. */
@RestController
@Tag(name = "Strategies")
class StrategyApi {

    /** A step as a client writes it: enum names as text, so a bad one is named with its index. */
    record StepRequest(Integer dayOffset, String channel, String tone, String ownerRole, String template, BigDecimal minAmount, Boolean approval) {
    }

    record StepsRequest(List<StepRequest> steps, String note) {
    }

    record CreateRequest(String code, String nameZh, String nameEn, List<StepRequest> steps, String note) {
    }

    private final Strategies strategies;
    private final DryRuns dryRuns;

    StrategyApi(Strategies strategies, DryRuns dryRuns) {
        this.strategies = strategies;
        this.dryRuns = dryRuns;
    }

    @GetMapping("/api/strategies")
    List<Strategy> list() {
        return strategies.list();
    }

    @GetMapping("/api/strategies/{code}")
    @Operation(summary = "A strategy at its current version, or at ?version=N")
    Strategy get(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return strategies.get(code, version);
    }

    @GetMapping("/api/strategies/{code}/versions")
    @Operation(summary = "Every version of a strategy's steps, newest first")
    List<Strategy.Version> versions(@PathVariable String code) {
        return strategies.versions(code);
    }

    @PostMapping("/api/strategies")
    @Operation(summary = "Create a strategy with its first version (MANAGER or ADMIN)")
    ResponseEntity<Strategy> create(@RequestBody CreateRequest r) {
        Strategy s = strategies.create(r.code(), r.nameZh(), r.nameEn(), steps(r.steps()), r.note());
        return ResponseEntity.created(URI.create("/api/strategies/" + s.code())).body(s);
    }

    @PutMapping("/api/strategies/{code}/steps")
    @Operation(summary = "Save the steps as the strategy's next version and make it current (MANAGER or ADMIN); tasks keep the version "
            + "that produced them")
    Strategy save(@PathVariable String code, @RequestBody StepsRequest r) {
        return strategies.saveVersion(code, steps(r.steps()), r.note());
    }

    @PostMapping("/api/strategies/{code}/dry-run")
    @Operation(summary = "What today's run would create across the portfolio with these steps, beside the current version; saves nothing")
    DryRuns.Result dryRun(@PathVariable String code, @RequestBody StepsRequest r) {
        return dryRuns.dryRun(code, steps(r.steps()));
    }

    /** Turns requests into steps, naming every bad value as {@code steps[i].field}. */
    static List<Step> steps(List<StepRequest> in) {
        if (in == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            StepRequest r = in.get(i);
            String at = "steps[" + i + "].";
            if (r == null) {
                out.add(null);
                continue;
            }
            if (r.dayOffset() == null) {
                errors.add(FieldError.coded(at + "dayOffset", null, "strategy.offset-required", "is required"));
            }
            Channel channel = parse(Channel.class, at + "channel", r.channel(), errors);
            Tone tone = parse(Tone.class, at + "tone", r.tone(), errors);
            Role role = parse(Role.class, at + "ownerRole", r.ownerRole(), errors);
            out.add(new Step(i + 1, r.dayOffset() == null ? 0 : r.dayOffset(), channel, tone, role, r.template(), r.minAmount(),
                    Boolean.TRUE.equals(r.approval())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            errors.add(FieldError.coded(field, value, "value.one-of", "must be one of " + allowed, allowed));
            return null;
        }
    }
}
