package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The default buckets cover every day overdue exactly once and agree with their due-date ranges. */
class AgingBucketTests {

    @Test
    void everyDayOverdueFallsIntoExactlyOneDefaultBucket() {
        for (long days = -400; days <= 2000; days++) {
            long d = days;
            assertThat(AgingBucket.DEFAULTS.stream().filter(b -> b.holds(d)).count()).as("days %d", d).isEqualTo(1);
        }
        assertThat(bucketOf(0)).isEqualTo("not due");
        assertThat(bucketOf(-10)).isEqualTo("not due");
        assertThat(bucketOf(1)).isEqualTo("1-30");
        assertThat(bucketOf(30)).isEqualTo("1-30");
        assertThat(bucketOf(31)).isEqualTo("31-60");
        assertThat(bucketOf(365)).isEqualTo("181-365");
        assertThat(bucketOf(366)).isEqualTo("over 365");
    }

    @Test
    void dueDateRangesMatchTheDaysOverdue() {
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        for (AgingBucket b : AgingBucket.DEFAULTS) {
            LocalDate earliest = b.earliestDue(asOf);
            LocalDate latest = b.latestDue(asOf);
            if (earliest != null) {
                assertThat(b.holds(asOf.toEpochDay() - earliest.toEpochDay())).isTrue();
                assertThat(b.holds(asOf.toEpochDay() - earliest.minusDays(1).toEpochDay())).isFalse();
            }
            if (latest != null) {
                assertThat(b.holds(asOf.toEpochDay() - latest.toEpochDay())).isTrue();
                assertThat(b.holds(asOf.toEpochDay() - latest.plusDays(1).toEpochDay())).isFalse();
            }
        }
    }

    @Test
    void aBucketNeedsALabelAndOrderedEnds() {
        assertThatThrownBy(() -> new AgingBucket("x", 30, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgingBucket(" ", 1, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String bucketOf(long days) {
        return AgingBucket.DEFAULTS.stream().filter(b -> b.holds(days)).findFirst().orElseThrow().label();
    }
}
