package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.common.NotFoundException;
import io.huikuan.correspondence.CompanyProfiles;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The payment agreement (还款协议) PDF of a plan, read back with PDFBox: both parties (our company from the profile, the
 * debtor with its credit code), the debts and their total in figures and in capital numerals, the debtor's
 * acknowledgement as of the agreement date, the waiver, every installment of the schedule, the acceleration clause with
 * the grace days, the signature and seal spaces; the same in English; a collector cannot print another's customer's.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
class PaymentAgreementTests {

    @Autowired
    PaymentAgreements agreements;
    @Autowired
    CustomerService customers;
    @Autowired
    CompanyProfiles profiles;
    @Autowired
    UserDirectory users;

    String code;
    String owner;

    @BeforeEach
    void setUp() {
        String token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        owner = "pa-" + token.toLowerCase();
        if (!users.exists(owner)) {
            users.seed(owner, owner, "张晓明", java.util.Set.of(Role.COLLECTOR));
        }
        Api.user(users, "pa-other", Role.COLLECTOR);
        code = "PA-" + token;
        customers.create(new Customer(code, "苏州精密机械有限公司", "91350100M000100Y43", null, null, null, owner, null, null, null, List.of()),
                "test");
        profiles.update(new CompanyProfiles.Draft("上海回款科技有限公司", "上海市浦东新区张江路 88 号", "021-5555 0000", null, "招商银行上海张江支行",
                "6225 8888 0000 1234", "91310115MA1K000001", "王总", "总经理", 15));
    }

    PlanAgreement plan() {
        return new PlanAgreement(42, code, "CNY", LocalDate.parse("2026-06-30"),
                List.of(new PlanAgreement.Debt("INV-9001", LocalDate.parse("2026-01-10"), LocalDate.parse("2026-03-10"), new BigDecimal("8000.00")),
                        new PlanAgreement.Debt("INV-9002", LocalDate.parse("2026-02-15"), LocalDate.parse("2026-04-15"), new BigDecimal("4005.30"))),
                new BigDecimal("12005.30"), BigDecimal.ZERO, new BigDecimal("300.00"), new BigDecimal("12005.30"),
                List.of(new PlanAgreement.Installment(1, LocalDate.parse("2026-07-05"), new BigDecimal("3005.30")),
                        new PlanAgreement.Installment(2, LocalDate.parse("2026-08-05"), new BigDecimal("4500.00")),
                        new PlanAgreement.Installment(3, LocalDate.parse("2026-09-05"), new BigDecimal("4500.00"))),
                3, owner, "首付后按月分两期");
    }

    static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theChineseAgreementNamesBothPartiesTheDebtItsAcknowledgementTheScheduleAndTheAcceleration() throws Exception {
        String t = text(agreements.pdf(plan(), Locale.SIMPLIFIED_CHINESE));
        String flat = t.replaceAll("\\s+", "");
        assertThat(t).contains("还款协议", "HK-PP-42", "签订日期：2026年6月30日");
        assertThat(flat).contains("甲方（债权人）：上海回款科技有限公司", "乙方（债务人）：苏州精密机械有限公司", "91350100M000100Y43",
                "91310115MA1K000001");
        assertThat(t).contains("INV-9001", "INV-9002", "8,000.00", "4,005.30", "12,005.30");
        assertThat(flat).contains("截至2026年6月30日，乙方尚欠甲方下列款项共计人民币12,005.30元（大写：人民币壹万贰仟零伍元叁角整）");
        assertThat(flat).contains("甲方同意减免人民币300.00元");
        assertThat(flat).contains("第1期", "2026年7月5日", "3,005.30", "第2期", "2026年8月5日", "第3期", "2026年9月5日", "4,500.00");
        assertThat(flat).contains("未在约定付款日期后3日内足额支付的，全部剩余未付款项立即到期");
        assertThat(flat).contains("开户行招商银行上海张江支行", "甲方（盖章）：上海回款科技有限公司", "乙方（盖章）：苏州精密机械有限公司",
                "法定代表人或授权代表（签字）", "备注：首付后按月分两期", "甲方经办人：张晓明");
    }

    @Test
    void theEnglishAgreementHasTheSameFactsInEnglish() throws Exception {
        String t = text(agreements.pdf(plan(), Locale.ENGLISH));
        String flat = t.replaceAll("\\s+", " ");
        assertThat(flat).contains("Payment agreement", "Party A (creditor): 上海回款科技有限公司", "Party B (debtor): 苏州精密机械有限公司",
                "as at 30 June 2026 it owes Party A the amounts below, CNY 12,005.30 in total", "waives CNY 300.00",
                "within 3 days after its date, the whole remaining balance falls due at once", "5 July 2026", "3,005.30", "4,500.00");
        assertThat(flat).doesNotContain("还款协议", "乙方确认");
    }

    @Test
    void aCollectorCannotPrintTheAgreementOfAnotherCollectorsCustomer() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("pa-other", null,
                List.of(new SimpleGrantedAuthority("ROLE_COLLECTOR"))));
        try {
            assertThatThrownBy(() -> agreements.pdf(plan(), Locale.SIMPLIFIED_CHINESE)).isInstanceOf(NotFoundException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
