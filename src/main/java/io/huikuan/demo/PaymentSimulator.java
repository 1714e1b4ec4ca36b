package io.huikuan.demo;

import io.huikuan.demo.Portfolio.GeneratedAllocation;
import io.huikuan.demo.Portfolio.GeneratedCreditNote;
import io.huikuan.demo.Portfolio.GeneratedPayment;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plays one customer's payments and credit notes against its invoices, in date order, as its
 * behaviour dictates. Allocations are computed against the balances at that moment, so no invoice
 * is ever over-allocated and no payment applies more than its amount; the rest stays unapplied.
 */
final class PaymentSimulator {

    /** 春节 (Chinese New Year) of the years a portfolio may span. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.ofEntries(
            Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)));

    private static final List<String> DISPUTE_REASONS = List.of("质量问题折让", "数量短缺冲红", "部分退货冲红", "验收不合格折让");
    private static final List<String> ADJUSTMENT_REASONS = List.of("价格调整", "返利折让", "开票差错冲红");

    /** An invoice as the simulator sees it. */
    record Bill(String invoiceNo, LocalDate issueDate, LocalDate dueDate, long amount) {
    }

    /** What the customer does: the result of one simulation. */
    record Result(List<GeneratedPayment> payments, List<GeneratedCreditNote> creditNotes, long[] open) {
    }

    private record Settlement(LocalDate date, int invoice, long amount) {
    }

    private record Credit(LocalDate date, int invoice, long amount, String reason) {
    }

    private final SplittableRandom rnd;
    private final Behaviour behaviour;
    private final String code;
    private final List<Bill> bills;
    private final LocalDate asOf;
    private final LocalDate start;
    private final LocalDate stopPaying;

    PaymentSimulator(SplittableRandom rnd, Behaviour behaviour, String code, List<Bill> bills, LocalDate asOf, LocalDate start,
            LocalDate stopPaying) {
        this.rnd = rnd;
        this.behaviour = behaviour;
        this.code = code;
        this.bills = bills;
        this.asOf = asOf;
        this.start = start;
        this.stopPaying = stopPaying;
    }

    Result run() {
        List<Settlement> plans = new ArrayList<>();
        List<Credit> credits = new ArrayList<>();
        for (int i = 0; i < bills.size(); i++) {
            plan(i, plans, credits);
        }
        boolean batches = behaviour != Behaviour.DISPUTER && behaviour != Behaviour.DEFAULTER && rnd.nextInt(100) < 40;
        double draftShare = rnd.nextInt(100) < 45 ? 0.25 + rnd.nextDouble() * 0.5 : 0;
        // unapplied cash (an advance without an invoice, a rounded-up transfer) only from customers paying
        // oldest due first, so payments naming an invoice never meet an invoice already taken by such cash
        boolean advance = batches && rnd.nextInt(100) < 15;
        LocalDate advanceDate = asOf.minusDays(rnd.nextInt(1, 150));
        long advanceAmount = (10 + rnd.nextInt(90)) * 100_000L;

        List<Event> events = new ArrayList<>();
        for (Credit c : credits) {
            if (!c.date().isAfter(asOf)) {
                events.add(new Event(c.date(), 0, c.invoice(), c.amount(), c.reason()));
            }
        }
        if (batches) {
            Map<YearMonth, long[]> byMonth = new LinkedHashMap<>();
            Map<YearMonth, LocalDate> lastDate = new LinkedHashMap<>();
            for (Settlement s : plans) {
                if (!s.date().isAfter(asOf)) {
                    YearMonth m = YearMonth.from(s.date());
                    byMonth.computeIfAbsent(m, k -> new long[1])[0] += s.amount();
                    lastDate.merge(m, s.date(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            byMonth.forEach((m, sum) -> events.add(new Event(lastDate.get(m), 1, -1, sum[0], null)));
        } else {
            for (Settlement s : plans) {
                if (!s.date().isAfter(asOf)) {
                    events.add(new Event(s.date(), 1, s.invoice(), s.amount(), null));
                }
            }
        }
        if (advance && !advanceDate.isBefore(start)) {
            events.add(new Event(advanceDate, 2, -1, advanceAmount, "预付货款,未指定发票"));
        }
        events.sort(Comparator.comparing(Event::date).thenComparingInt(Event::kind));

        long[] open = new long[bills.size()];
        for (int i = 0; i < open.length; i++) {
            open[i] = bills.get(i).amount();
        }
        List<GeneratedPayment> payments = new ArrayList<>();
        List<GeneratedCreditNote> notes = new ArrayList<>();
        for (Event e : events) {
            switch (e.kind()) {
                case 0 -> {
                    long amount = Math.min(e.amount(), open[e.invoice()]);
                    if (amount > 0) {
                        open[e.invoice()] -= amount;
                        notes.add(new GeneratedCreditNote(code + "-CN" + pad(notes.size() + 1, 3), e.invoice(), e.date(), amount, e.text()));
                    }
                }
                case 1 -> {
                    if (e.amount() > 0) {
                        payments.add(pay(payments.size() + 1, e, open, draftShare));
                    }
                }
                default -> payments.add(new GeneratedPayment(code + "-P" + pad(payments.size() + 1, 4), e.date(), e.amount(),
                        "BANK_TRANSFER", e.text(), null, List.of()));
            }
        }
        return new Result(payments, notes, open);
    }

    private record Event(LocalDate date, int kind, int invoice, long amount, String text) {
    }

    private GeneratedPayment pay(int number, Event e, long[] open, double draftShare) {
        long amount = e.amount();
        String method = method(amount, draftShare);
        String note = null;
        if (method.equals("BANK_ACCEPTANCE_DRAFT")) {
            note = "电子银行承兑汇票 票号" + Names.digits(rnd, 30);
        } else if (method.equals("COMMERCIAL_ACCEPTANCE_DRAFT")) {
            note = "商业承兑汇票 票号" + Names.digits(rnd, 30);
        }
        List<GeneratedAllocation> allocations = new ArrayList<>();
        String invoiceNo = null;
        if (e.invoice() >= 0) {
            invoiceNo = bills.get(e.invoice()).invoiceNo();
            long a = Math.min(amount, open[e.invoice()]);
            if (a > 0) {
                open[e.invoice()] -= a;
                allocations.add(new GeneratedAllocation(e.invoice(), a));
            }
        } else {
            if (method.equals("BANK_TRANSFER") && rnd.nextInt(100) < 5 && amount % 10_000 != 0) {
                amount = (amount / 10_000 + 1) * 10_000; // rounded up to the next 100 yuan: what is left stays unapplied
            }
            long left = amount;
            for (int i = 0; i < bills.size() && left > 0; i++) {
                if (open[i] > 0 && !bills.get(i).issueDate().isAfter(e.date())) {
                    long a = Math.min(left, open[i]);
                    open[i] -= a;
                    left -= a;
                    allocations.add(new GeneratedAllocation(i, a));
                }
            }
        }
        return new GeneratedPayment(code + "-P" + pad(number, 4), e.date(), amount, method, note, invoiceNo, List.copyOf(allocations));
    }

    private String method(long amount, double draftShare) {
        if (amount >= 1_000_000 && rnd.nextDouble() < draftShare) {
            return "BANK_ACCEPTANCE_DRAFT";
        }
        if (behaviour == Behaviour.DETERIORATING && amount >= 1_000_000 && rnd.nextInt(100) < 20) {
            return "COMMERCIAL_ACCEPTANCE_DRAFT";
        }
        if (amount < 500_000 && rnd.nextInt(100) < 3) {
            return "CASH";
        }
        return "BANK_TRANSFER";
    }

    /** Plans when and how the customer settles invoice {@code i}, by behaviour. */
    private void plan(int i, List<Settlement> plans, List<Credit> credits) {
        Bill b = bills.get(i);
        LocalDate due = b.dueDate();
        long amount = b.amount();
        if (rnd.nextInt(100) < 2) {
            long adj = share(amount, 0.01, 0.05);
            credits.add(new Credit(b.issueDate().plusDays(rnd.nextInt(5, 21)), i, adj, Names.pick(rnd, ADJUSTMENT_REASONS)));
        }
        switch (behaviour) {
            case PROMPT -> {
                int delay = rnd.nextInt(100) < 5 ? rnd.nextInt(10, 26) : rnd.nextInt(-5, 6);
                plans.add(settle(b, due.plusDays(delay), i, amount));
            }
            case SLOW -> {
                int delay = rnd.nextInt(20, 71);
                if (rnd.nextInt(100) < 30) {
                    long first = share(amount, 0.5, 0.7);
                    plans.add(settle(b, due.plusDays(delay), i, first));
                    plans.add(settle(b, due.plusDays(delay + rnd.nextInt(20, 41)), i, amount - first));
                } else {
                    plans.add(settle(b, due.plusDays(delay), i, amount));
                }
            }
            case SEASONAL -> plans.add(settle(b, seasonalPayDate(due), i, amount));
            case DETERIORATING -> {
                double t = fraction(b.issueDate());
                int delay = rnd.nextInt(0, 11) + (int) Math.round(t * t * rnd.nextInt(90, 151));
                if (t > 0.6 && rnd.nextInt(100) < 40) {
                    long first = share(amount, 0.3, 0.7);
                    plans.add(settle(b, due.plusDays(delay), i, first));
                    plans.add(settle(b, due.plusDays(delay + rnd.nextInt(30, 91)), i, amount - first));
                } else {
                    plans.add(settle(b, due.plusDays(delay), i, amount));
                }
            }
            case DISPUTER -> {
                if (rnd.nextInt(100) < 40) {
                    long paid = share(amount, 0.65, 0.9);
                    long rest = amount - paid;
                    plans.add(settle(b, due.plusDays(rnd.nextInt(5, 26)), i, paid));
                    int outcome = rnd.nextInt(100);
                    if (outcome < 40) {
                        credits.add(new Credit(due.plusDays(rnd.nextInt(30, 91)), i, rest, Names.pick(rnd, DISPUTE_REASONS)));
                    } else if (outcome < 60) {
                        plans.add(settle(b, due.plusDays(rnd.nextInt(60, 151)), i, rest));
                    }
                    // otherwise the dispute is still open: the rest stays unpaid
                } else {
                    plans.add(settle(b, due.plusDays(rnd.nextInt(5, 36)), i, amount));
                }
            }
            case DEFAULTER -> {
                LocalDate when = due.plusDays(rnd.nextInt(5, 31));
                if (when.isBefore(stopPaying)) {
                    plans.add(settle(b, when, i, amount));
                } else if (rnd.nextInt(100) < 15) {
                    long days = Math.max(1, ChronoUnit.DAYS.between(stopPaying, asOf));
                    plans.add(settle(b, stopPaying.plusDays(rnd.nextLong(days)), i, share(amount, 0.1, 0.3)));
                }
            }
        }
    }

    private LocalDate seasonalPayDate(LocalDate due) {
        LocalDate festival = SPRING_FESTIVAL.getOrDefault(due.getYear(), LocalDate.of(due.getYear(), 2, 1));
        LocalDate nextFestival = SPRING_FESTIVAL.getOrDefault(due.getYear() + 1, LocalDate.of(due.getYear() + 1, 2, 1));
        if (!due.isBefore(festival.minusDays(35)) && !due.isAfter(festival.plusDays(15))) {
            return festival.plusDays(rnd.nextInt(10, 36));
        }
        if (!due.isBefore(nextFestival.minusDays(35))) {
            return nextFestival.plusDays(rnd.nextInt(10, 36));
        }
        if (due.getMonth() == Month.JUNE || due.getMonth() == Month.JULY) {
            return due.plusDays(rnd.nextInt(25, 56));
        }
        return due.plusDays(rnd.nextInt(-3, 11));
    }

    private Settlement settle(Bill b, LocalDate date, int i, long amount) {
        return new Settlement(date.isBefore(b.issueDate()) ? b.issueDate() : date, i, amount);
    }

    /** How far into this customer's history a date lies, 0..1. */
    private double fraction(LocalDate d) {
        long total = Math.max(1, ChronoUnit.DAYS.between(start, asOf));
        return Math.min(1, Math.max(0, ChronoUnit.DAYS.between(start, d) / (double) total));
    }

    private long share(long amount, double min, double max) {
        long part = Math.round(amount * (min + rnd.nextDouble() * (max - min)));
        return Math.max(1, Math.min(amount - 1, part));
    }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
