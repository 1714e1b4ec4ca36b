package io.huikuan.strategy;

import java.time.Instant;
import java.util.List;

/** A strategy (playbook) at one version: its steps in order of day offset. */
public record Strategy(String code, String nameZh, String nameEn, int currentVersion, Version version) {

    /** One saved version of a strategy's steps; {@code id} is what tasks refer to. */
    public record Version(long id, int number, String note, String createdBy, Instant createdAt, List<Step> steps) {
    }

    public List<Step> steps() {
        return version.steps();
    }
}
