package io.huikuan.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Header names: canonical, English variants and Chinese aliases. */
class ColumnsTests {

    @Test
    void chineseAndEnglishVariantsMapToTheCanonicalColumns() {
        var map = Columns.resolve(Columns.INVOICES,
                List.of("\uFEFF发票号", "客户编码", "开票日期", "到期日", "金额（元）", "币种", "合同号", "发票号码", "事业部", "备注"), 1);
        assertThat(map).containsEntry("invoice_no", 0).containsEntry("amount", 4).containsEntry("tax_invoice_no", 7)
                .containsEntry("business_unit", 8).doesNotContainKey("备注");
        var english = Columns.resolve(Columns.INVOICES, List.of("Invoice No.", "Customer Code", "Issue Date", "DUE_DATE", "Amount"), 1);
        assertThat(english).containsKeys("invoice_no", "customer_code", "issue_date", "due_date", "amount");
        var customers = Columns.resolve(Columns.CUSTOMERS, List.of("客户编码", "客户名称", "负责人", "信用额度", "账期", "等级", "区域", "行业"), 1);
        assertThat(customers).containsKeys("owner", "credit_limit", "credit_days", "grade", "region", "industry");
        var payments = Columns.resolve(Columns.PAYMENTS, List.of("收款单号", "客户编码", "收款日期", "金额", "付款方式", "发票号"), 1);
        assertThat(payments).containsKeys("payment_ref", "method", "invoice_no");
    }

    @Test
    void aMissingRequiredColumnOrATwiceGivenColumnIsAFileError() {
        assertThatThrownBy(() -> Columns.resolve(Columns.INVOICES, List.of("invoice_no", "customer_code", "issue_date", "amount"), 1))
                .isInstanceOfSatisfying(BadFileException.class, e -> {
                    assertThat(e.row()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo("due_date");
                    assertThat(e.getMessage()).contains("required column 'due_date' is missing").contains("到期日");
                });
        assertThatThrownBy(() -> Columns.resolve(Columns.CUSTOMERS, List.of("customer_code", "name", "客户名称"), 1))
                .isInstanceOfSatisfying(BadFileException.class, e -> assertThat(e.getMessage()).contains("appears twice"));
    }
}
