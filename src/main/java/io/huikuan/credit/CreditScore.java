package io.huikuan.credit;

import java.util.List;

/**
 * A customer's credit score as of a date: {@code grade} is the computed grade; {@code override} the manager's grade
 * in force at the date (null when none) and {@code effectiveGrade} the one that counts (the override, else the grade).
 * The reasons are in the request's language, the most costly first.
 */
public record CreditScore(String customerCode, int score, String grade, List<String> reasons, String override, String effectiveGrade) {
}
