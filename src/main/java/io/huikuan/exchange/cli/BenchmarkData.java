package io.huikuan.exchange.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** Deterministic (seeded) benchmark files: customers.csv and invoices.csv with the canonical columns. */
final class BenchmarkData {

    private static final String[] REGIONS = {"华东", "华南", "华北", "华中", "西南", "西北", "东北"};
    private static final String[] INDUSTRIES = {"机械制造", "电子元器件", "化工", "汽车零部件", "医药", "建材", "食品"};
    private static final String[] UNITS = {"工业事业部", "消费品事业部", "海外事业部", "工程事业部"};
    private static final String[] WORDS = {"恒达", "华信", "宏远", "金桥", "瑞丰", "嘉禾", "博通", "盛世", "东方", "新锐", "永泰", "天成"};
    private static final int[] TERMS = {30, 45, 60, 90, 120};

    private BenchmarkData() {
    }

    static String customerCode(int i) {
        return "BC" + String.format("%06d", i);
    }

    static void customers(Path file, int count, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer_code,name,region,business_unit,industry,credit_limit,credit_days,grade\n");
            for (int i = 1; i <= count; i++) {
                String name = WORDS[r.nextInt(WORDS.length)] + WORDS[r.nextInt(WORDS.length)] + INDUSTRIES[r.nextInt(INDUSTRIES.length)]
                        + "有限公司" + i;
                w.write(customerCode(i) + "," + name + "," + REGIONS[r.nextInt(REGIONS.length)] + "," + UNITS[r.nextInt(UNITS.length)] + ","
                        + INDUSTRIES[r.nextInt(INDUSTRIES.length)] + "," + (r.nextInt(1, 200) * 10_000) + ".00," + TERMS[r.nextInt(TERMS.length)]
                        + "," + "ABCDE".charAt(r.nextInt(5)) + "\n");
            }
        }
    }

    /** Invoices over two years: issue date, due = issue + terms, amounts 100.00 to 500,000.00. */
    static void invoices(Path file, long count, int customers, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 1);
        LocalDate start = LocalDate.of(2024, 7, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write("invoice_no,customer_code,issue_date,due_date,amount,currency,tax_invoice_no,business_unit\n");
            StringBuilder b = new StringBuilder(128);
            for (long i = 1; i <= count; i++) {
                LocalDate issue = start.plusDays(r.nextInt(730));
                LocalDate due = issue.plusDays(TERMS[r.nextInt(TERMS.length)]);
                BigDecimal amount = BigDecimal.valueOf(r.nextLong(10_000, 50_000_000), 2);
                b.setLength(0);
                b.append("BI").append(String.format("%09d", i)).append(',').append(customerCode(1 + r.nextInt(customers))).append(',')
                        .append(issue).append(',').append(due).append(',').append(amount.toPlainString()).append(",CNY,")
                        .append(String.format("%08d", r.nextInt(100_000_000))).append(',').append(UNITS[r.nextInt(UNITS.length)]).append('\n');
                w.append(b);
            }
        }
    }
}
