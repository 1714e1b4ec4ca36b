package io.huikuan.correspondence;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The variables a template may use as {@code {{name}}}, with what each stands for in both languages (shown in the
 * editor). {@code invoices.table} (overdue) and {@code upcoming.table} (not yet due) are the block variables: a table in
 * e-mails and letters, compact lines in text.
 */
public final class TemplateVariables {

    /** A variable: its name, a description in Chinese and English, and whether it is a block (the invoice table). */
    public record Variable(String name, String descriptionZh, String descriptionEn, boolean block) {

        /** How it is written in a template. */
        public String placeholder() {
            return "{{" + name + "}}";
        }
    }

    public static final String TABLE = "invoices.table";
    public static final String UPCOMING_TABLE = "upcoming.table";
    public static final String PORTAL_LINK = "portal.link";

    private static final List<Variable> ALL = List.of(
            v("customer.name", "客户名称", "Customer name"),
            v("customer.code", "客户编号", "Customer code"),
            v("contact.name", "联系人姓名(无联系人时为“贵司财务负责人”)", "Contact's name (\"Sir or Madam\" when there is none)"),
            v("contact.title", "联系人职务", "Contact's job title"),
            new Variable(TABLE, "逾期发票明细表(发票号、开票日期、到期日、金额、未付金额、逾期天数、逾期利息)",
                    "Table of the overdue invoices (number, invoice date, due date, amount, open amount, days overdue, interest)", true),
            v("invoices.count", "逾期发票张数", "Number of overdue invoices"),
            new Variable(UPCOMING_TABLE, "未到期发票明细表(发票号、开票日期、到期日、金额、未付金额;用于到期前提醒)",
                    "Table of the invoices not yet due (number, invoice date, due date, amount, open amount; for reminders before the due date)", true),
            v("upcoming.count", "未到期发票张数", "Number of invoices not yet due"),
            v("totals.overdue", "逾期未付金额合计", "Total overdue amount"),
            v("totals.open", "全部未付金额(含未到期)", "Total open balance (including not yet due)"),
            v("totals.interest", "截至今日的逾期利息/违约金(按合同约定)", "Late-payment interest to date (per the contract)"),
            v("totals.overdueWithInterest", "逾期金额与逾期利息合计", "Overdue amount plus interest"),
            v("totals.upcoming", "未到期金额合计", "Total not yet due"),
            v("interest.total", "截至今日的逾期利息(按合同约定;合同未约定的按设置的日利率,默认万分之五)",
                    "Late-payment interest to date (per the contract; where it is silent, at the configured daily rate, default 0.05%)"),
            v("interest.basis", "合同未约定时所用的利率(如“每日万分之五”)", "The rate used where the contract is silent (e.g. \"0.05% a day\")"),
            v("claim.total", "逾期金额与上述逾期利息合计(诉请金额)", "Overdue amount plus that interest (the amount claimed)"),
            v("courtFee.estimate", "按诉请金额预估的案件受理费(诉讼费用交纳办法第十三条)",
                    "Estimated court fee on the amount claimed (Measures on the Payment of Litigation Costs, art. 13)"),
            v("due.next", "下一笔到期日", "Due date of the next invoice to fall due"),
            v("due.oldest", "最早一笔逾期的到期日", "Due date of the oldest overdue invoice"),
            v("due.daysOverdue", "最早一笔已逾期天数", "Days the oldest invoice is overdue"),
            v("collector.name", "催收负责人姓名", "Collector's name"),
            v("collector.phone", "催收负责人电话", "Collector's phone"),
            v("collector.email", "催收负责人邮箱", "Collector's e-mail"),
            v("manager.name", "主管姓名", "Manager's name"),
            v("company.name", "我司名称", "Our company name"),
            v("company.address", "我司地址", "Our address"),
            v("company.phone", "我司电话", "Our phone"),
            v("company.email", "我司邮箱", "Our e-mail"),
            v("company.bankName", "收款开户行", "Bank for payment"),
            v("company.bankAccount", "收款账号", "Bank account for payment"),
            v("company.taxId", "我司纳税人识别号", "Our tax id"),
            v("today", "今天的日期", "Today's date"),
            v("payBy", "付款期限(今天加公司设置的付款天数)", "Pay-by date (today plus the company's pay-by days)"),
            v("document.number", "文书编号(发出时生成)", "Document number (given when issued)"),
            v(PORTAL_LINK, "债务人门户链接(客户可在手机上查看对账单、确认余额;有效期内复用;纸质函件正文后另附二维码)",
                    "Link to the debtor portal (statement, balance confirmation on the phone; reused while valid; PDF letters also print it as a QR code after the text)"));

    private static final Map<String, Variable> BY_NAME = ALL.stream().collect(Collectors.toMap(Variable::name, Function.identity()));

    private TemplateVariables() {
    }

    private static Variable v(String name, String zh, String en) {
        return new Variable(name, zh, en, false);
    }

    public static List<Variable> all() {
        return ALL;
    }

    /** True for the block variables (tables), which cannot stand in a subject. */
    public static boolean block(String name) {
        Variable v = BY_NAME.get(name);
        return v != null && v.block();
    }

    public static boolean known(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The known name closest to {@code name} (fewest single-character edits, ignoring case). */
    public static String closest(String name) {
        String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        return ALL.stream().map(Variable::name)
                .min(Comparator.comparingInt((String k) -> distance(n, k.toLowerCase(java.util.Locale.ROOT))).thenComparing(k -> k))
                .orElseThrow();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
