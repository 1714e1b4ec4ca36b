package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.common.ValidationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The date rules of the limitation period without a database. */
class LimitationRulesTests {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void thePeriodEndsOnTheSameCalendarDayAndFebruary29OnFebruary28() {
        assertThat(LimitationRules.expiresOn(d("2023-03-10"), 3, Map.of())).isEqualTo(d("2026-03-10"));
        assertThat(LimitationRules.expiresOn(d("2024-02-29"), 3, Map.of())).isEqualTo(d("2027-02-28"));
        assertThat(LimitationRules.expiresOn(d("2024-02-29"), 4, Map.of())).isEqualTo(d("2028-02-29"));
    }

    @Test
    void statusTurnsExpiringWithinTheWindowAndExpiredTheDayAfterTheLastDay() {
        LocalDate last = d("2026-03-10");
        assertThat(LimitationRules.status(last, d("2025-09-10"), 180, false)).isEqualTo(LimitationStatus.RUNNING);
        assertThat(LimitationRules.status(last, d("2025-09-11"), 180, false)).isEqualTo(LimitationStatus.EXPIRING);
        assertThat(LimitationRules.status(last, last, 180, false)).isEqualTo(LimitationStatus.EXPIRING);
        assertThat(LimitationRules.status(last, d("2026-03-11"), 180, false)).isEqualTo(LimitationStatus.EXPIRED);
        assertThat(LimitationRules.status(last, d("2026-03-11"), 180, true)).isEqualTo(LimitationStatus.IN_PROCEEDINGS);
    }

    @Test
    void aLastDayOnARestDayOfALoadedYearMovesToTheNextWorkingDay() {
        LimitationRules.LoadedYear y2029 = new LimitationRules.LoadedYear(2029,
                Set.of(d("2029-10-01"), d("2029-10-02"), d("2029-10-03"), d("2029-10-04"), d("2029-10-05")), Set.of(d("2029-09-29")));
        Map<LocalDate, LocalDate> rest = LimitationRules.restDays(Map.of(2029, y2029));
        assertThat(rest.get(d("2029-10-02"))).as("holiday week, then the weekend").isEqualTo(d("2029-10-08"));
        assertThat(rest.get(d("2029-09-30"))).as("a Sunday before the holidays").isEqualTo(d("2029-10-08"));
        assertThat(rest).as("a Saturday worked (调休) is a working day").doesNotContainKey(d("2029-09-29"));
        assertThat(rest).doesNotContainKey(d("2029-10-08"));
        assertThat(rest.get(d("2029-12-29"))).as("into a year not loaded: its days are working days").isEqualTo(d("2029-12-31"));
        assertThat(LimitationRules.expiresOn(d("2026-10-02"), 3, rest)).isEqualTo(d("2029-10-08"));
        assertThat(LimitationRules.expiresOn(d("2026-10-02"), 3, Map.of())).as("no calendar: no shift").isEqualTo(d("2029-10-02"));
        assertThat(LimitationRules.restDays(Map.of())).isEmpty();
    }

    @Test
    void holidayCsvLinesAreCheckedNamingTheLine() {
        assertThat(HolidayCalendar.parse(2026, "date,kind,name\n2026-10-01,HOLIDAY,国庆节\n\n2026-10-10,workday,国庆节调休\n"))
                .extracting(HolidayCalendar.Day::kind).containsExactly("HOLIDAY", "WORKDAY");
        assertThatThrownBy(() -> HolidayCalendar.parse(2026, "2026-10-01,HOLIDAY,国庆节\n2025-10-02,HOLIDAY,国庆节\n2026-13-01,HOLIDAY,x\n"
                + "2026-10-03,REST,x\n2026-10-04,HOLIDAY\n2026-10-01,HOLIDAY,again"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                        .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6"));
    }
}
