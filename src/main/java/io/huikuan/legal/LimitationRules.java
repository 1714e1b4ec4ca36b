package io.huikuan.legal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The date rules of the limitation period, in plain Java (the report applies the same rules in SQL, see
 * {@link LimitationSql}; the holiday table it joins is derived here).
 */
public final class LimitationRules {

    private LimitationRules() {
    }

    /** The statutory calendar of one loaded year: HOLIDAY days and WORKDAY days (调休: a weekend day worked). */
    public record LoadedYear(int year, Set<LocalDate> holidays, Set<LocalDate> workdays) {
    }

    /**
     * The last day of a period running from {@code runsFrom}: the same calendar day {@code years} later (Civil
     * Code art. 201: the first day is not counted, so the period ends on the corresponding day; art. 202: a month
     * without that day, Feb 29 in a common year, ends on its last day, which {@link LocalDate#plusYears} gives),
     * then moved to the next working day when that is a rest day of a loaded year (art. 203).
     */
    public static LocalDate expiresOn(LocalDate runsFrom, int years, Map<LocalDate, LocalDate> restDays) {
        LocalDate last = runsFrom.plusYears(years);
        return restDays.getOrDefault(last, last);
    }

    /** Status as of {@code asOf}, given the last day, the warning window and whether proceedings are open. */
    public static LimitationStatus status(LocalDate expiresOn, LocalDate asOf, int windowDays, boolean inProceedings) {
        if (inProceedings) {
            return LimitationStatus.IN_PROCEEDINGS;
        }
        long left = ChronoUnit.DAYS.between(asOf, expiresOn);
        return left < 0 ? LimitationStatus.EXPIRED : left <= windowDays ? LimitationStatus.EXPIRING : LimitationStatus.RUNNING;
    }

    /**
     * Every rest day of the loaded years with the working day after it (art. 203: a period whose last day is a
     * statutory holiday ends on the day after the holiday). In a loaded year a rest day is a listed HOLIDAY, or a
     * Saturday or Sunday not listed as WORKDAY; days of years not loaded are working days (no shift).
     */
    public static Map<LocalDate, LocalDate> restDays(Map<Integer, LoadedYear> loaded) {
        Map<LocalDate, LocalDate> rest = new TreeMap<>();
        for (LoadedYear y : loaded.values()) {
            for (LocalDate d = LocalDate.of(y.year(), 1, 1); d.getYear() == y.year(); d = d.plusDays(1)) {
                if (isRest(d, loaded)) {
                    LocalDate next = d.plusDays(1);
                    while (isRest(next, loaded)) {
                        next = next.plusDays(1);
                    }
                    rest.put(d, next);
                }
            }
        }
        return rest;
    }

    static boolean isRest(LocalDate d, Map<Integer, LoadedYear> loaded) {
        LoadedYear y = loaded.get(d.getYear());
        if (y == null) {
            return false;
        }
        if (y.holidays().contains(d)) {
            return true;
        }
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !y.workdays().contains(d);
    }
}
