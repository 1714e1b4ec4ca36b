package io.huikuan.legal;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory holiday calendar (法定节假日 and 调休) the limitation clock uses to move a last day off a rest day
 * (Civil Code art. 203). Loaded a year at a time from CSV lines {@code 2026-10-01,HOLIDAY,国庆节} (or
 * {@code …,WORKDAY,国庆节调休} for a weekend day worked); a year without lines shifts nothing. Administrators load
 * it; everyone reads it.
 */
@Service
public class HolidayCalendar {

    /** One listed day. */
    public record Day(LocalDate date, String kind, String name) {
    }

    private final JdbcClient jdbc;

    HolidayCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The loaded years with their number of listed days, oldest first. */
    public Map<Integer, Long> years() {
        Map<Integer, Long> years = new TreeMap<>();
        jdbc.sql("SELECT holiday_date FROM legal_holiday").query(Date.class).list()
                .forEach(d -> years.merge(d.toLocalDate().getYear(), 1L, Long::sum));
        return years;
    }

    /** The listed days of a year, by date. */
    public List<Day> days(int year) {
        return jdbc.sql("SELECT holiday_date, kind, name FROM legal_holiday WHERE holiday_date >= ? AND holiday_date <= ? ORDER BY holiday_date")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Day(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Replaces the year's calendar with the CSV lines (date,kind,name; a header line and blank lines are
     * skipped); empty text unloads the year. Errors name the line and the rule; nothing is stored then.
     */
    @Transactional
    public List<Day> load(int year, String csv) {
        CurrentUser.require("load the holiday calendar", Role.ADMIN);
        if (year < 1990 || year > 2200) {
            throw new ValidationException("year", year, "a year from 1990 to 2200");
        }
        List<Day> days = parse(year, csv == null ? "" : csv);
        jdbc.sql("DELETE FROM legal_holiday WHERE holiday_date >= ? AND holiday_date <= ?")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31))).update();
        for (Day d : days) {
            jdbc.sql("INSERT INTO legal_holiday (holiday_date, kind, name) VALUES (?, ?, ?)").params(Date.valueOf(d.date()), d.kind(), d.name()).update();
        }
        rebuildRestDays();
        return days(year);
    }

    static List<Day> parse(int year, String csv) {
        List<FieldError> errors = new ArrayList<>();
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(new StringReader(csv)).getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ValidationException("csv", null, "is not valid CSV: " + e.getMessage());
        }
        for (CSVRecord r : records) {
            String field = "line " + r.getRecordNumber();
            if (r.getRecordNumber() == 1 && r.size() > 0 && r.get(0).equalsIgnoreCase("date")) {
                continue;
            }
            if (r.size() < 3 || r.get(2).isBlank()) {
                errors.add(FieldError.coded(field, String.join(",", r.values()), "holiday.values", "needs three values: date,HOLIDAY|WORKDAY,name"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(r.get(0));
            } catch (DateTimeParseException e) {
                errors.add(FieldError.coded(field, r.get(0), "holiday.date", "the date must be yyyy-MM-dd"));
                continue;
            }
            String kind = r.get(1).toUpperCase(java.util.Locale.ROOT);
            if (date.getYear() != year) {
                errors.add(FieldError.coded(field, r.get(0), "holiday.year", "is not in " + year, String.valueOf(year)));
            } else if (!kind.equals("HOLIDAY") && !kind.equals("WORKDAY")) {
                errors.add(FieldError.coded(field, r.get(1), "holiday.kind", "the kind must be HOLIDAY or WORKDAY"));
            } else if (r.get(2).length() > 100) {
                errors.add(FieldError.coded(field, r.get(2), "holiday.name", "the name is at most 100 characters"));
            } else if (days.containsKey(date)) {
                errors.add(FieldError.coded(field, r.get(0), "holiday.duplicate", "lists " + date + " a second time", date.toString()));
            } else {
                days.put(date, new Day(date, kind, r.get(2)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(days.values());
    }

    /** Derives legal_rest_day from the whole calendar (a few hundred rows a year). */
    private void rebuildRestDays() {
        Map<Integer, LimitationRules.LoadedYear> loaded = new TreeMap<>();
        jdbc.sql("SELECT holiday_date, kind FROM legal_holiday").query((rs, n) -> {
            LocalDate d = rs.getDate(1).toLocalDate();
            LimitationRules.LoadedYear y = loaded.computeIfAbsent(d.getYear(), k -> new LimitationRules.LoadedYear(k, new HashSet<>(), new HashSet<>()));
            ("HOLIDAY".equals(rs.getString(2)) ? y.holidays() : y.workdays()).add(d);
            return null;
        }).list();
        jdbc.sql("DELETE FROM legal_rest_day").update();
        LimitationRules.restDays(loaded).forEach((rest, next) -> jdbc.sql("INSERT INTO legal_rest_day (rest_date, next_working_day) VALUES (?, ?)")
                .params(Date.valueOf(rest), Date.valueOf(next)).update());
    }
}
