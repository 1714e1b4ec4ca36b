package io.huikuan.credit;

import java.util.List;

/**
 * One reason behind a score: the message key {@code credit.reason.<code>}, its figures, and the points it cost
 * (0 for the reasons that only describe, such as "no history").
 */
public record ScoreReason(String code, List<Object> args, double points) {

    public String key() {
        return "credit.reason." + code;
    }
}
