package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical columns of each kind of file, in export order, with the header aliases accepted
 * on import (English variants and the Chinese names a finance department uses).
 */
public final class Columns {

    /** A column: canonical name, required on import, accepted aliases (the first Chinese one is the Chinese header). */
    public record Column(String name, boolean required, List<String> aliases) {

        public String chinese() {
            return aliases.stream().filter(a -> a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .findFirst().orElse(name);
        }
    }

    private static final List<String> CUSTOMER_CODE = List.of("客户编码", "客户代码", "客户编号", "客户号", "customer", "customer code", "customer id");

    public static final List<Column> CUSTOMERS = List.of(
            col("customer_code", true, CUSTOMER_CODE.toArray(String[]::new)),
            col("name", true, "客户名称", "名称", "客户名", "公司名称", "customer_name", "customer name", "company"),
            col("region", false, "区域", "地区", "大区", "销售区域"),
            col("business_unit", false, "事业部", "业务单元", "部门", "bu"),
            col("industry", false, "行业", "所属行业"),
            col("owner", false, "负责人", "业务员", "客户经理", "催收员", "collector"),
            col("credit_limit", false, "信用额度", "授信额度", "额度"),
            col("credit_days", false, "信用天数", "账期", "账期天数", "信用期", "payment_days"),
            col("grade", false, "等级", "信用等级", "客户等级", "rating"),
            col("credit_code", false, "统一社会信用代码", "社会信用代码", "信用代码", "uscc", "unified social credit code"));

    public static final List<Column> INVOICES = List.of(
            col("invoice_no", true, "发票号", "应收单号", "单据号", "单据编号", "发票编号", "invoice", "invoice number"),
            col("customer_code", true, CUSTOMER_CODE.toArray(String[]::new)),
            col("issue_date", true, "开票日期", "发票日期", "单据日期", "invoice_date", "date"),
            col("due_date", true, "到期日", "到期日期", "应收日期", "应收款到期日"),
            col("amount", true, "金额", "发票金额", "应收金额", "含税金额", "价税合计"),
            col("currency", false, "币种", "币别", "货币"),
            col("contract_no", false, "合同号", "合同编号", "contract"),
            col("tax_invoice_no", false, "税票号", "发票号码", "税务发票号", "增值税发票号", "fapiao", "fapiao_no"),
            col("business_unit", false, "事业部", "业务单元", "部门", "bu"));

    public static final List<Column> PAYMENTS = List.of(
            col("payment_ref", true, "收款单号", "收款编号", "收款单据号", "银行流水号", "流水号", "payment", "reference", "ref"),
            col("customer_code", true, CUSTOMER_CODE.toArray(String[]::new)),
            col("payment_date", true, "收款日期", "到账日期", "付款日期", "date"),
            col("amount", true, "金额", "收款金额", "到账金额"),
            col("method", false, "付款方式", "收款方式", "结算方式", "payment_method"),
            col("invoice_no", false, "发票号", "核销发票号", "应收单号", "invoice"),
            col("currency", false, "币种", "币别", "货币"));

    private Columns() {
    }

    public static List<Column> of(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> CUSTOMERS;
            case INVOICES -> INVOICES;
            case PAYMENTS -> PAYMENTS;
        };
    }

    private static Column col(String name, boolean required, String... aliases) {
        return new Column(name, required, List.of(aliases));
    }

    /** Lower case, without spaces, underscores, punctuation, a "*" required marker or a unit in brackets: "Invoice No." = "invoice_no". */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String h = Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        h = h.replaceAll("[(\\[][^)\\]]*[)\\]]$", "");
        StringBuilder b = new StringBuilder();
        h.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        String s = b.toString();
        return s.endsWith("no") || s.endsWith("number") ? s.replaceAll("(number|no)$", "no") : s;
    }

    /**
     * Maps the header to column positions. A missing required column or a column given twice is a
     * file-level error (row = the header row, column = the canonical name); unknown columns are ignored.
     */
    public static Map<String, Integer> resolve(List<Column> columns, List<String> header, long headerRow) {
        Map<String, String> lookup = new HashMap<>();
        for (Column c : columns) {
            lookup.put(normalize(c.name()), c.name());
            for (String a : c.aliases()) {
                lookup.putIfAbsent(normalize(a), c.name());
            }
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String canonical = lookup.get(normalize(header.get(i)));
            if (canonical == null) {
                continue;
            }
            Integer before = positions.putIfAbsent(canonical, i);
            if (before != null) {
                throw new BadFileException(headerRow, canonical, header.get(i), "column '" + canonical + "' appears twice (columns "
                        + (before + 1) + " and " + (i + 1) + ")");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column c : columns) {
            if (c.required() && !positions.containsKey(c.name())) {
                missing.add(c.name());
            }
        }
        if (!missing.isEmpty()) {
            Column first = columns.stream().filter(c -> c.name().equals(missing.get(0))).findFirst().orElseThrow();
            throw new BadFileException(headerRow, missing.get(0), String.join(",", header),
                    "required column '" + missing.get(0) + "' is missing" + (missing.size() > 1 ? " (also missing: "
                            + String.join(", ", missing.subList(1, missing.size())) + ")" : "")
                            + "; accepted headers: " + first.name() + ", " + String.join(", ", first.aliases()));
        }
        return positions;
    }
}
