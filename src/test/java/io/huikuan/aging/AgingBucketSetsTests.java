package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.common.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of bucket sets and the buckets their bounds make, without a database. */
class AgingBucketSetsTests {

    @Test
    void boundsMakeContiguousBucketsFromNotDueToOpenEnded() {
        AgingBucketSet set = new AgingBucketSet("quarterly", AgingBucketSet.parseBounds("30, 60,90"), "manager", null);
        assertThat(set.ranges()).containsExactly(
                new AgingBucket("not due", null, 0),
                new AgingBucket("1-30", 1, 30),
                new AgingBucket("31-60", 31, 60),
                new AgingBucket("61-90", 61, 90),
                new AgingBucket("over 90", 91, null));
        assertThat(set.stored()).isEqualTo("30,60,90");
    }

    @Test
    void everyDayOverdueFallsIntoExactlyOneBucket() {
        List<AgingBucket> ranges = new AgingBucketSet("s", List.of(1, 2, 7, 45, 400), "m", null).ranges();
        for (long days = -400; days <= 1000; days++) {
            long d = days;
            assertThat(ranges.stream().filter(b -> b.holds(d)).count()).as("%d days", days).isEqualTo(1);
        }
    }

    @Test
    void boundsMayBeAListOfNumbersOrNumericTexts() {
        assertThat(AgingBucketSet.parseBounds(List.of(30, 60L, "90", new BigDecimal("180")))).containsExactly(30, 60, 90, 180);
        assertThat(AgingBucketSet.parseBounds(List.of(30.0, 45))).containsExactly(30, 45);
        assertThat(AgingBucketSet.parseBounds(7)).containsExactly(7);
        List<Integer> twelve = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            twelve.add(i * 30);
        }
        assertThat(AgingBucketSet.parseBounds(twelve)).hasSize(12);
    }

    @Test
    void badBoundsAreRefusedNamingBuckets() {
        List<Integer> thirteen = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            thirteen.add(i * 10);
        }
        for (Object bad : Arrays.asList(null, "", "  ", "60,30", "30,30", "0,30", "-5,30", "30,abc", "30,,60", "30.5",
                List.of(), List.of(60, 30), List.of(30, 30), List.of(0, 30), List.of(-1), List.of("x"), List.of(1.5),
                Arrays.asList(30, null), thirteen, List.of(36_501), "99999999999", true, java.util.Map.of("a", 1))) {
            assertThatThrownBy(() -> AgingBucketSet.parseBounds(bad)).as("%s", bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("buckets"));
        }
    }

    @Test
    void namesAreRequiredTrimmedAndPlain() {
        assertThat(AgingBucketSet.checkName("  季度 Q-1  ")).isEqualTo("季度 Q-1");
        for (String bad : Arrays.asList(null, "", "   ", "a/b", "-lead", "x".repeat(101), "a?b")) {
            assertThatThrownBy(() -> AgingBucketSet.checkName(bad)).as("%s", bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("name"));
        }
    }
}
