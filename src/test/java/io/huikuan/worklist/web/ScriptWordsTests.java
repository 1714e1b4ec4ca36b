package io.huikuan.worklist.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A script's placeholders are filled in either language; an unknown one stays readable without its braces. */
class ScriptWordsTests {

    private static final ScriptWords.Facts FACTS = new ScriptWords.Facts("王经理", "宁波海天塑机有限公司", "杭州回款科技有限公司", "刘洋",
            "12,000.00 元", "2026-06-24", "7", "2026-07-01");

    @Test
    void everyPlaceholderOfTheLibraryIsFilled() {
        assertThat(ScriptWords.fill("{联系人}您好,我是{公司}的{催款人}。{客户}{金额}的货款已于{到期日}到期,已逾期{天数}天({今天})。", FACTS))
                .isEqualTo("王经理您好,我是杭州回款科技有限公司的刘洋。宁波海天塑机有限公司12,000.00 元的货款已于2026-06-24到期,已逾期7天(2026-07-01)。");
        assertThat(ScriptWords.fill("Hello {contact}, this is {collector} of {company}: {customer} owes {amount}, due {dueDate}, {days} days late.",
                FACTS)).isEqualTo("Hello 王经理, this is 刘洋 of 杭州回款科技有限公司: 宁波海天塑机有限公司 owes 12,000.00 元, due 2026-06-24, 7 days late.");
    }

    @Test
    void anUnknownPlaceholderOrAStrayBraceIsShownReadable() {
        assertThat(ScriptWords.fill("请{ 联系人 }确认{合同号}和{{金额}}{", FACTS)).isEqualTo("请王经理确认合同号和12,000.00 元");
        assertThat(ScriptWords.fill(null, FACTS)).isEmpty();
        assertThat(ScriptWords.fill("$1 \\ {金额}", FACTS)).isEqualTo("$1 \\ 12,000.00 元");
    }

    @Test
    void theLibraryPageListsEveryFact() {
        assertThat(ScriptWords.LISTED).extracting(java.util.Map.Entry::getValue).containsExactlyInAnyOrder(ScriptWords.Fact.values());
        ScriptWords.PLACEHOLDERS.forEach((name, fact) -> assertThat(ScriptWords.fill("{" + name + "}", FACTS)).isEqualTo(FACTS.of(fact)));
    }
}
