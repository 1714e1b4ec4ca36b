package io.huikuan.correspondence;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The variables of the statement template ({@code correspondence/statement}): the statement, its amounts formatted
 * ({@code 1,272,041.72}), each movement's kind, payment method and due date in words of the chosen language, the
 * document number, and the company's letterhead and seal.
 */
final class StatementVariables {

    private StatementVariables() {
    }

    static Map<String, Object> of(Statement s, LocalDate issuedOn, String number, CompanyProfiles.Letterhead company, Locale locale,
            MessageSource messages) {
        DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("s", s);
        v.put("today", issuedOn);
        v.put("issuedOn", issuedOn.toString());
        v.put("number", number);
        v.put("company", company.profile());
        v.put("logo", company.logo());
        v.put("seal", company.seal());
        v.put("zh", "zh".equals(locale.getLanguage()));
        CompanyProfiles.CompanyProfile c = company.profile();
        v.put(PdfRenderer.SHARED_TEXT, String.join("", String.valueOf(c.name()), String.valueOf(c.address()), String.valueOf(c.phone()),
                String.valueOf(c.email()), String.valueOf(c.signatoryName()), String.valueOf(c.signatoryTitle()), "年月日"));
        Map<String, String> words = new java.util.HashMap<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Statement section : s.sections()) {
            sections.add(section(section, money, words, locale, messages));
        }
        // the first section's figures at the top level, as the template has always read them
        v.putAll(sections.getFirst());
        v.put("sections", sections);
        v.put("multiCurrency", sections.size() > 1);
        return v;
    }

    /** One currency's part of the statement: its opening, movements with the running balance, totals and closing. */
    private static Map<String, Object> section(Statement s, DecimalFormat money, Map<String, String> words, Locale locale,
            MessageSource messages) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("currency", s.currency() == null ? "" : s.currency());
        v.put("opening", money.format(s.opening()));
        v.put("closing", money.format(s.closing()));
        v.put("invoiced", money.format(s.invoiced()));
        v.put("paid", money.format(s.paid()));
        v.put("credited", money.format(s.credited()));
        v.put("writtenOff", money.format(s.writtenOff()));
        List<Map<String, String>> lines = new ArrayList<>(s.lines().size());
        for (Statement.Line l : s.lines()) {
            BigDecimal amount = l.amount();
            lines.add(Map.of("date", l.date().toString(), "kind", word(words, "pdf.statement.kind." + l.kind(), l.kind(), locale, messages),
                    "reference", l.reference() == null ? "" : l.reference(), "detail", detail(l, words, locale, messages),
                    "debit", amount.signum() > 0 ? money.format(amount) : "",
                    "credit", amount.signum() < 0 ? money.format(amount.negate()) : "", "balance", money.format(l.balance())));
        }
        v.put("lines", lines);
        return v;
    }

    /** An invoice's due date ("到期 2026-07-30"), a payment's method in words ("银行转账"), else the detail as it is. */
    private static String detail(Statement.Line l, Map<String, String> words, Locale locale, MessageSource messages) {
        if (l.detail() == null) {
            return "";
        }
        return switch (l.kind()) {
            case "INVOICE" -> messages.getMessage("pdf.statement.due", new Object[] {l.detail()}, l.detail(), locale);
            case "PAYMENT" -> word(words, "method." + l.detail(), l.detail(), locale, messages);
            default -> l.detail();
        };
    }

    private static String word(Map<String, String> words, String key, String fallback, Locale locale, MessageSource messages) {
        return words.computeIfAbsent(key, k -> messages.getMessage(k, null, fallback, locale));
    }
}
