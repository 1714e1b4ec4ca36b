package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.correspondence.CompanyProfiles.CompanyProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The template syntax without Spring: every error with its line, parts complete even with errors, and rendering. */
class TemplateTextTests {

    static final CompanyProfile COMPANY = new CompanyProfile("上海回款科技有限公司", "上海市浦东新区", "021-6000 0000", "ar@example.com", "招商银行上海分行",
            "1219 0000 0000", "91310000XXXX", "李总", "总经理", 7, false, false);

    @Test
    void everyErrorIsFoundWithItsLineAndTheClosestName() {
        TemplateText.Parsed p = TemplateText.parse("body", "第一行 {{customer.nme}}\n第二行 }} 多余\n第三行 {{payBy\n{{ today }}");
        assertThat(p.errors()).extracting(FieldError::code)
                .containsExactly("template.unknown-variable", "template.unopened", "template.unclosed");
        assertThat(p.errors().get(0).args()).containsExactly("{{customer.nme}}", 1, "{{customer.name}}");
        assertThat(p.errors().get(1).args().getFirst()).isEqualTo(2);
        assertThat(p.errors().get(2).args().getFirst()).isEqualTo(3);
        // spaces inside the braces are allowed; the parts are complete
        assertThat(p.parts()).extracting(TemplateText.Part::variable).contains("today", "customer.nme");
        assertThat(TemplateVariables.closest("totals.intrest")).isEqualTo("totals.interest");
        assertThat(TemplateText.parse("subject", "没有变量").errors()).isEmpty();
    }

    @Test
    void theTableIsHtmlInTheMessageAndCompactLinesInTheText() {
        TemplateData d = TemplateSamples.sample(LocalDate.of(2026, 6, 30), COMPANY);
        RenderedMessage m = TemplateRenderer.render(7, TemplateText.parse("subject", "{{customer.name}}\n对账").parts(),
                TemplateText.parse("body", "{{contact.name}}您好：\n\n{{invoices.table}}\n合计{{totals.overdue}}，{{due.oldest}}，{{payBy}}").parts(),
                Locale.SIMPLIFIED_CHINESE, d);
        assertThat(m.templateVersionId()).isEqualTo(7);
        assertThat(m.subject()).isEqualTo("华东精密机械有限公司 对账");
        assertThat(m.html()).startsWith("<p>王丽您好：</p>\n<table class=\"invoices\">").contains("<td>FP-2026-0107</td>", "<td>86,000.00</td>",
                "<p>合计人民币166,300.00元，2026年5月16日，2026年7月7日</p>");
        assertThat(m.text()).contains("FP-2026-0107 到期2026年5月16日 未付人民币86,000.00元 逾期45天\nFP-2026-0131");
        RenderedMessage en = TemplateRenderer.render(0, null, TemplateText.parse("body", "{{totals.interest}} by {{payBy}}").parts(), Locale.ENGLISH, d);
        // interest at 0.05% a day: 86,000 × 45 + 56,500 × 30 + 23,800 × 12 → 1,935.00 + 847.50 + 142.80
        assertThat(en.text()).isEqualTo("CNY 2,925.30 by 7 Jul 2026");
        assertThat(en.subject()).isNull();
        assertThat(List.of(m.html())).noneMatch(h -> h.contains("{{"));

        // the invoices not yet due: a table of their own; an empty table says so
        RenderedMessage upcoming = TemplateRenderer.render(0, null, TemplateText.parse("body", "{{upcoming.table}}\n{{totals.upcoming}} {{due.next}}").parts(),
                Locale.SIMPLIFIED_CHINESE, d);
        assertThat(upcoming.text()).isEqualTo("FP-2026-0203 2026年7月10日到期 未付人民币41,200.00元\n人民币41,200.00元 2026年7月10日");
        TemplateData none = new TemplateData(d.customer(), null, List.of(), List.of(), d.totals(), null, d.collector(), d.manager(), COMPANY,
                d.today(), d.payBy(), null);
        RenderedMessage empty = TemplateRenderer.render(0, null, TemplateText.parse("body", "{{contact.name}}：\n{{upcoming.table}}{{invoices.table}}").parts(),
                Locale.SIMPLIFIED_CHINESE, none);
        assertThat(empty.html()).isEqualTo("<p>贵司财务负责人：</p>\n<p>（无）</p>\n<p>（无）</p>\n");
        assertThat(empty.text()).isEqualTo("贵司财务负责人：\n（无）（无）");
    }
}
