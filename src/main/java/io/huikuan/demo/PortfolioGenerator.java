package io.huikuan.demo;

import io.huikuan.customer.CreditCode;
import io.huikuan.demo.Portfolio.GeneratedContact;
import io.huikuan.demo.Portfolio.GeneratedContract;
import io.huikuan.demo.Portfolio.GeneratedCustomer;
import io.huikuan.demo.Portfolio.GeneratedInvoice;
import io.huikuan.demo.PaymentSimulator.Bill;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic portfolio of a Chinese industrial supplier: customers across regions and
 * industries, each with a {@link Behaviour}, contacts, contracts, two years of invoices up to the
 * as-of date, and payments, allocations and credit notes consistent with the behaviour.
 * Customer {@code i} depends only on the seed, the size, the as-of date and {@code i}; the portfolio
 * is produced one customer at a time, never held whole.
 */
public final class PortfolioGenerator {

    private static final long NAME_SALT = 0x9E3779B97F4A7C15L;
    private static final long WEIGHT_SALT = 0xC2B2AE3D27D4EB4FL;
    private static final double GOLDEN = 0.6180339887498949;
    private static final int MAX_DISTINCT_NAMES = 500_000;

    private final GeneratorSettings settings;
    private final int[] invoiceCounts;
    private final double phase;

    public PortfolioGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.invoiceCounts = invoiceCounts(settings);
        this.phase = new SplittableRandom(settings.seed()).nextDouble();
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** The code of customer {@code index} (0-based). */
    public String code(int index) {
        return settings.prefix() + PaymentSimulator.pad(index + 1, 6);
    }

    /** Produces every customer in order. */
    public void forEach(Consumer<GeneratedCustomer> consumer) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < settings.customers(); i++) {
            consumer.accept(customer(i, names));
        }
    }

    /** Spreads the requested number of invoices over the customers by a random size, exactly. */
    private static int[] invoiceCounts(GeneratorSettings s) {
        int n = s.customers();
        int[] counts = new int[n];
        if (n == 0) {
            return counts;
        }
        SplittableRandom rnd = new SplittableRandom(s.seed() ^ WEIGHT_SALT);
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = Math.exp(rnd.nextGaussian() * 0.6);
            total += weights[i];
        }
        double cumulative = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            cumulative += weights[i];
            long upTo = i == n - 1 ? s.invoices() : Math.min(s.invoices(), (long) Math.floor(s.invoices() * (cumulative / total)));
            counts[i] = (int) (upTo - previous);
            previous = upTo;
        }
        return counts;
    }

    private GeneratedCustomer customer(int index, Set<String> usedNames) {
        SplittableRandom rnd = new SplittableRandom(mix(settings.seed(), index));
        Behaviour behaviour = Behaviour.at((phase + index * GOLDEN) % 1.0);
        String code = code(index);
        Names.Region region = Names.region(rnd);
        Names.City city = Names.pick(rnd, region.cities());
        Names.Industry industry = Names.industry(rnd);
        String businessUnit = Names.pick(rnd, Names.BUSINESS_UNITS);
        int creditDays = pickCreditDays(rnd);
        String grade = grade(rnd, behaviour);

        SplittableRandom nameRnd = new SplittableRandom(mix(settings.seed() ^ NAME_SALT, index));
        Names.Word brand = null;
        String name = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            brand = Names.pick(nameRnd, Names.BRANDS);
            name = city.name() + brand.hanzi() + Names.pick(nameRnd, industry.phrases()) + form(nameRnd);
            if (usedNames.size() >= MAX_DISTINCT_NAMES || !usedNames.contains(name)) {
                break;
            }
        }
        if (usedNames.size() < MAX_DISTINCT_NAMES) {
            usedNames.add(name);
        }
        String creditCode = CreditCode.withCheck("91" + city.adminCode() + organisationCode(rnd));
        String domain = city.abbr() + brand.pinyin() + (nameRnd.nextBoolean() ? ".com" : ".com.cn");

        LocalDate asOf = settings.asOf();
        LocalDate windowStart = asOf.minusDays(730);
        LocalDate start = behaviour == Behaviour.DEFAULTER ? windowStart.plusDays(rnd.nextInt(0, 300))
                : rnd.nextInt(100) < 70 ? windowStart : windowStart.plusDays(rnd.nextInt(0, 541));
        LocalDate stopPaying = asOf.plusDays(1);
        LocalDate lastIssue = asOf;
        if (behaviour == Behaviour.DEFAULTER) {
            stopPaying = min(start.plusDays(rnd.nextInt(150, 421)), asOf.minusDays(120));
            lastIssue = min(asOf, stopPaying.plusDays(rnd.nextInt(45, 121)));
        }

        int count = invoiceCounts[index];
        double ticket = Math.min(2_000_000, Math.max(3_000, Math.exp(Math.log(80_000) + 0.9 * rnd.nextGaussian())));
        List<LocalDate> issueDates = new ArrayList<>(count);
        long span = ChronoUnit.DAYS.between(start, lastIssue) + 1;
        for (int k = 0; k < count; k++) {
            issueDates.add(start.plusDays(rnd.nextLong(span)));
        }
        issueDates.sort(null);

        List<LocalDate> signed = new ArrayList<>();
        for (LocalDate d = start.minusDays(rnd.nextInt(5, 41)); !d.isAfter(lastIssue); d = d.plusYears(1)) {
            signed.add(d);
        }

        List<Bill> bills = new ArrayList<>(count);
        int[] contractOf = new int[count];
        String[] taxNos = new String[count];
        String[] units = new String[count];
        for (int k = 0; k < count; k++) {
            LocalDate issue = issueDates.get(k);
            double growth = behaviour == Behaviour.DETERIORATING
                    ? 1 + 0.8 * ChronoUnit.DAYS.between(start, issue) / (double) Math.max(1, span) : 1;
            long amount = Math.max(50_000, Math.round(ticket * growth * Math.exp(0.35 * rnd.nextGaussian()) * 100));
            int contract = -1;
            if (rnd.nextInt(100) >= 8) {
                for (int c = signed.size() - 1; c >= 0; c--) {
                    if (!signed.get(c).isAfter(issue)) {
                        contract = c;
                        break;
                    }
                }
            }
            contractOf[k] = contract;
            taxNos[k] = (issue.getYear() % 100) + Names.digits(rnd, 18);
            units[k] = rnd.nextInt(100) < 85 ? businessUnit : Names.pick(rnd, Names.BUSINESS_UNITS);
            bills.add(new Bill(code + "-I" + PaymentSimulator.pad(k + 1, 4), issue, issue.plusDays(creditDays), amount));
        }

        PaymentSimulator.Result result = new PaymentSimulator(rnd, behaviour, code, bills, asOf, start, stopPaying).run();

        List<GeneratedInvoice> invoices = new ArrayList<>(count);
        long[] contractVolume = new long[signed.size()];
        long volume = 0;
        for (int k = 0; k < count; k++) {
            Bill b = bills.get(k);
            String cause = null;
            String nature = null;
            if (result.open()[k] > 0 && b.dueDate().isBefore(asOf) && rnd.nextInt(100) < 70) {
                cause = cause(rnd, behaviour);
                long late = ChronoUnit.DAYS.between(b.dueDate(), asOf);
                nature = late > 90 || behaviour == Behaviour.DEFAULTER ? "LONG_TERM" : "SHORT_TERM";
            }
            invoices.add(new GeneratedInvoice(b.invoiceNo(), contractOf[k], b.issueDate(), b.dueDate(), b.amount(), taxNos[k], units[k],
                    cause, nature));
            if (contractOf[k] >= 0) {
                contractVolume[contractOf[k]] += b.amount();
            }
            volume += b.amount();
        }

        List<GeneratedContract> contracts = new ArrayList<>(signed.size());
        for (int c = 0; c < signed.size(); c++) {
            long framework = roundUp(Math.round(Math.max(contractVolume[c], 10_000_000) * (1.1 + rnd.nextDouble() * 0.2)), 1_000_000);
            contracts.add(contract(rnd, code, c, signed.get(c), framework, creditDays));
        }

        double months = Math.max(1, ChronoUnit.DAYS.between(start, asOf) / 30.4);
        long monthly = Math.round(volume / months);
        long limit = roundUp(Math.max(5_000_000, Math.round(monthly * (creditDays / 30.0 + 1) * 1.5)), 1_000_000);
        if (grade.equals("E")) {
            limit = roundUp(limit / 2, 1_000_000);
        }

        String owner = settings.owners().ownerOf(region.name(), index);
        return new GeneratedCustomer(index, code, name, creditCode, region.name(), businessUnit, industry.name(), owner, limit, creditDays,
                grade, behaviour, contacts(rnd, domain), List.copyOf(contracts), List.copyOf(invoices), result.payments(),
                result.creditNotes());
    }

    private static GeneratedContract contract(SplittableRandom rnd, String code, int c, LocalDate signed, long amount, int days) {
        String terms = switch (rnd.nextInt(4)) {
            case 0 -> "月结" + days + "天";
            case 1 -> "货到票到" + days + "天内付款";
            case 2 -> "验收合格后" + days + "天内付清,可用银行承兑汇票支付";
            default -> "发票开具后" + days + "天内电汇付款";
        };
        int clause = rnd.nextInt(100);
        String lateClause = clause < 40 ? "NONE" : clause < 80 ? "DAILY_RATE" : "ANNUAL_RATE";
        BigDecimal rate = switch (lateClause) {
            case "DAILY_RATE" -> new BigDecimal("0.0005");
            case "ANNUAL_RATE" -> rnd.nextBoolean() ? new BigDecimal("0.06") : new BigDecimal("0.12");
            default -> null;
        };
        if (!lateClause.equals("NONE")) {
            terms += lateClause.equals("DAILY_RATE") ? ";逾期按日万分之五支付违约金" : ";逾期按年利率" + rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%计付利息";
        }
        return new GeneratedContract("HT" + signed.getYear() + "-" + code + "-" + (c + 1), signed, amount, terms, days, lateClause, rate);
    }

    private static List<GeneratedContact> contacts(SplittableRandom rnd, String domain) {
        List<GeneratedContact> list = new ArrayList<>(4);
        list.add(contact(rnd, domain, "FINANCE", Names.FINANCE_TITLES, new String[] {"PHONE", "WECHAT", "WECHAT", "EMAIL"}));
        if (rnd.nextInt(100) < 35) {
            list.add(contact(rnd, domain, "FINANCE", Names.FINANCE_TITLES, new String[] {"PHONE", "WECHAT", "EMAIL"}));
        }
        list.add(contact(rnd, domain, "PURCHASING", Names.PURCHASING_TITLES, new String[] {"PHONE", "WECHAT"}));
        list.add(contact(rnd, domain, "DECISION_MAKER", Names.DECISION_TITLES, new String[] {"PHONE", "PHONE", "VISIT"}));
        return List.copyOf(list);
    }

    private static GeneratedContact contact(SplittableRandom rnd, String domain, String role, List<String> titles, String[] channels) {
        Names.Word surname = Names.pick(rnd, Names.SURNAMES);
        Names.Word given = Names.pick(rnd, Names.GIVEN_NAMES);
        String pinyin = surname.pinyin() + given.pinyin();
        String email = (rnd.nextInt(100) < 20 && role.equals("FINANCE") ? "cw" + Names.digits(rnd, 2) : pinyin) + "@" + domain;
        String wechat = rnd.nextBoolean() ? pinyin + "_" + (1965 + rnd.nextInt(35)) : "wxid_" + lowerAlnum(rnd, 14);
        return new GeneratedContact(surname.hanzi() + given.hanzi(), role, Names.pick(rnd, titles), Names.mobile(rnd), email, wechat,
                channels[rnd.nextInt(channels.length)]);
    }

    private static String cause(SplittableRandom rnd, Behaviour behaviour) {
        return switch (behaviour) {
            case DEFAULTER -> "MALICIOUS";
            case DISPUTER -> "QUALITY_DISPUTE";
            case DETERIORATING, SEASONAL -> "CUSTOMER_FINANCES";
            case SLOW -> {
                int r = rnd.nextInt(10);
                yield r < 5 ? "CUSTOMER_FINANCES" : r < 8 ? "PAPERWORK_PROCESS" : "SALES_MISMANAGEMENT";
            }
            case PROMPT -> rnd.nextBoolean() ? "PAPERWORK_PROCESS" : "OTHER";
        };
    }

    private static String grade(SplittableRandom rnd, Behaviour behaviour) {
        int r = rnd.nextInt(100);
        return switch (behaviour) {
            case PROMPT -> r < 60 ? "A" : "B";
            case SLOW -> r < 40 ? "B" : "C";
            case SEASONAL -> r < 60 ? "B" : "C";
            case DETERIORATING -> r < 50 ? "B" : "C";
            case DISPUTER -> r < 30 ? "B" : "C";
            case DEFAULTER -> r < 60 ? "D" : "E";
        };
    }

    private static int pickCreditDays(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        return r < 25 ? 30 : r < 45 ? 45 : r < 80 ? 60 : 90;
    }

    private static String form(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        return r < 78 ? "有限公司" : r < 94 ? "股份有限公司" : "集团有限公司";
    }

    /** The 9-character organisation code (GB 11714) inside the credit code: 8 digits and their check character. */
    private static String organisationCode(SplittableRandom rnd) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        StringBuilder sb = new StringBuilder(9);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = rnd.nextInt(10);
            sb.append((char) ('0' + v));
            sum += v * weights[i];
        }
        int check = 11 - sum % 11;
        sb.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        return sb.toString();
    }

    private static String lowerAlnum(SplittableRandom rnd, int n) {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private static long roundUp(long value, long step) {
        return (value + step - 1) / step * step;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A well-spread seed for customer {@code index} (SplitMix64 finaliser). */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
