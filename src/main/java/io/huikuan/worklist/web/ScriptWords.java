package io.huikuan.worklist.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a script's placeholders with what is known about the call, so a collector reads words, never {@code {…}}.
 * The placeholders of the library, each in Chinese and English: {@code {联系人}/{contact}}, {@code {客户}/{customer}},
 * {@code {公司}/{company}} (our company), {@code {催款人}/{collector}}, {@code {金额}/{amount}}, {@code {到期日}/{dueDate}},
 * {@code {天数}/{days}} (days overdue) and {@code {今天}/{today}}. An unknown placeholder is shown without its braces.
 */
final class ScriptWords {

    /** Every placeholder a script may use, by its name in either language, to the fact it stands for. */
    static final Map<String, Fact> PLACEHOLDERS = Map.ofEntries(Map.entry("联系人", Fact.CONTACT), Map.entry("contact", Fact.CONTACT),
            Map.entry("客户", Fact.CUSTOMER), Map.entry("customer", Fact.CUSTOMER), Map.entry("公司", Fact.COMPANY),
            Map.entry("我司", Fact.COMPANY), Map.entry("company", Fact.COMPANY), Map.entry("催款人", Fact.COLLECTOR),
            Map.entry("collector", Fact.COLLECTOR), Map.entry("金额", Fact.AMOUNT), Map.entry("amount", Fact.AMOUNT),
            Map.entry("到期日", Fact.DUE_DATE), Map.entry("dueDate", Fact.DUE_DATE), Map.entry("天数", Fact.DAYS),
            Map.entry("逾期天数", Fact.DAYS), Map.entry("days", Fact.DAYS), Map.entry("daysOverdue", Fact.DAYS), Map.entry("今天", Fact.TODAY),
            Map.entry("today", Fact.TODAY));

    /** The placeholders as the library page lists them: both names, and the fact ({@code scriptFill.fact.NAME}). */
    static final List<Map.Entry<String, Fact>> LISTED = List.of(Map.entry("{联系人} {contact}", Fact.CONTACT),
            Map.entry("{客户} {customer}", Fact.CUSTOMER), Map.entry("{公司} {company}", Fact.COMPANY),
            Map.entry("{催款人} {collector}", Fact.COLLECTOR), Map.entry("{金额} {amount}", Fact.AMOUNT),
            Map.entry("{到期日} {dueDate}", Fact.DUE_DATE), Map.entry("{天数} {days}", Fact.DAYS), Map.entry("{今天} {today}", Fact.TODAY));

    /** What a placeholder stands for. */
    enum Fact { CONTACT, CUSTOMER, COMPANY, COLLECTOR, AMOUNT, DUE_DATE, DAYS, TODAY }

    /** The facts of one call, already as text in the user's language (never null: a missing fact has a neutral wording). */
    record Facts(String contact, String customer, String company, String collector, String amount, String dueDate, String days, String today) {

        String of(Fact fact) {
            return switch (fact) {
                case CONTACT -> contact;
                case CUSTOMER -> customer;
                case COMPANY -> company;
                case COLLECTOR -> collector;
                case AMOUNT -> amount;
                case DUE_DATE -> dueDate;
                case DAYS -> days;
                case TODAY -> today;
            };
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{?\\s*([^{}]{1,40}?)\\s*}}?");

    private ScriptWords() {
    }

    /** The text with every placeholder filled; an unknown one keeps its name, without braces. */
    static String fill(String text, Facts facts) {
        if (text == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Fact fact = PLACEHOLDERS.get(name);
            if (fact == null) {
                fact = PLACEHOLDERS.get(name.toLowerCase(Locale.ROOT));
            }
            String value = fact == null ? name : facts.of(fact);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString().replace("{", "").replace("}", "");
    }
}
