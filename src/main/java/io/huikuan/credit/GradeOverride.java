package io.huikuan.credit;

import java.time.LocalDate;

/** A manager's grade for a customer, in force from {@code setOn} to {@code expiresOn} (inclusive). */
public record GradeOverride(String grade, String reason, LocalDate setOn, LocalDate expiresOn, String setBy) {
}
