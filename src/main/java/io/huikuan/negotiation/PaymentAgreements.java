package io.huikuan.negotiation;

import io.huikuan.correspondence.ChineseAmount;
import io.huikuan.correspondence.CompanyProfiles;
import io.huikuan.correspondence.PdfRenderer;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Prints a payment plan as a payment agreement (还款协议) PDF from the template {@code negotiation/agreement}, laid out by
 * the correspondence module's {@link PdfRenderer} with its embedded CJK font: our company (the company profile) as the
 * creditor, the debtor (name, credit code; its address is left blank to fill in: customers have no address on file), the
 * debts covered and the debtor's acknowledgement of them as of the agreement date, interest and waiver, the schedule,
 * the acceleration clause (an installment not paid in full within the grace days makes the whole balance due), and
 * signature and seal spaces for both parties. Chinese by default, English for an English locale.
 */
@Service
public class PaymentAgreements {

    static final String TEMPLATE = "negotiation/agreement";

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** A debt as printed. */
    public record DebtRow(String invoiceNo, String issued, String due, String open) {
    }

    /** An installment as printed. */
    public record InstallmentRow(int number, String dueDate, String amount) {
    }

    private final PdfRenderer pdf;
    private final CompanyProfiles profiles;
    private final CustomerService customers;
    private final UserDirectory users;

    PaymentAgreements(PdfRenderer pdf, CompanyProfiles profiles, CustomerService customers, UserDirectory users) {
        this.pdf = pdf;
        this.profiles = profiles;
        this.customers = customers;
        this.users = users;
    }

    /** The agreement as a PDF in {@code locale} (zh-CN by default); 404 when the debtor is outside the user's portfolio. */
    public byte[] pdf(PlanAgreement agreement, Locale locale) {
        Locale lang = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        boolean zh = lang != Locale.ENGLISH;
        Customer debtor = customers.get(agreement.customerCode()).withoutContacts();
        CompanyProfiles.CompanyProfile company = profiles.current();
        String currency = agreement.currency() == null ? "CNY" : agreement.currency();
        Map<String, Object> v = new HashMap<>();
        v.put("zh", zh);
        v.put("company", company);
        v.put("logo", profiles.logo().map(PaymentAgreements::dataUri).orElse(null));
        v.put("debtor", debtor);
        v.put("number", "HK-PP-" + agreement.planId());
        v.put("agreedOn", date(agreement.agreedOn(), zh));
        v.put("blankLine", "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿");
        v.put("debts", agreement.debts().stream()
                .map(d -> new DebtRow(d.invoiceNo(), date(d.issueDate(), zh), date(d.dueDate(), zh), figures(d.open()))).toList());
        v.put("openTotal", money(agreement.openTotal(), currency, zh));
        v.put("openTotalFigures", figures(agreement.openTotal()));
        v.put("openTotalUpper", words(agreement.openTotal(), currency, zh));
        v.put("hasInterest", positive(agreement.interest()));
        v.put("interest", money(agreement.interest(), currency, zh));
        v.put("hasWaiver", positive(agreement.waived()));
        v.put("waived", money(agreement.waived(), currency, zh));
        v.put("total", money(agreement.total(), currency, zh));
        v.put("totalFigures", figures(agreement.total()));
        v.put("totalUpper", words(agreement.total(), currency, zh));
        List<InstallmentRow> rows = agreement.installments().stream()
                .map(i -> new InstallmentRow(i.number(), date(i.dueDate(), zh), figures(i.amount()))).toList();
        v.put("installments", rows);
        v.put("graceDays", agreement.graceDays());
        v.put("note", agreement.note() == null || agreement.note().isBlank() ? null : agreement.note().strip());
        v.put("negotiatedBy", negotiator(agreement.negotiatedBy()));
        return pdf.render(TEMPLATE, v, lang);
    }

    /** Who negotiated it as people know them: the user's display name (the username when there is none). */
    private String negotiator(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return users.find(username).map(UserAccount::displayName).filter(n -> !n.isBlank()).orElse(username);
    }

    private static boolean positive(BigDecimal v) {
        return v != null && v.signum() > 0;
    }

    private static String date(LocalDate d, boolean zh) {
        return d == null ? "" : d.format(zh ? ZH_DATE : EN_DATE);
    }

    /** 1234.5 → 1,234.50 */
    static String figures(BigDecimal v) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v == null ? BigDecimal.ZERO : v);
    }

    /** 人民币1,234.50元 in Chinese for CNY, else the currency code and the figures (CNY 1,234.50). */
    static String money(BigDecimal v, String currency, boolean zh) {
        return zh && "CNY".equals(currency) ? "人民币" + figures(v) + "元" : currency + " " + figures(v);
    }

    /** The amount in words: capital Chinese numerals (大写) for CNY; otherwise the figures with the currency. */
    private static String words(BigDecimal v, String currency, boolean zh) {
        BigDecimal amount = v == null ? BigDecimal.ZERO : v;
        if ("CNY".equals(currency)) {
            return zh ? "人民币" + ChineseAmount.upper(amount) : "RMB " + ChineseAmount.upper(amount);
        }
        return currency + " " + figures(amount);
    }

    private static String dataUri(CompanyProfiles.Image i) {
        return "data:" + i.contentType() + ";base64," + Base64.getEncoder().encodeToString(i.bytes());
    }
}
