package io.huikuan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputRulesTests {

    @Test
    void businessDatesLieBetween1900And2999() {
        assertThat(InputRules.date("asOf", "1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(InputRules.date("asOf", " 2999-12-31 ")).isEqualTo(LocalDate.of(2999, 12, 31));
        assertThat(InputRules.date("asOf", "")).isNull();
        for (String bad : new String[] {"1899-12-31", "3000-01-01", "-999999999-01-01", "+999999999-12-31"}) {
            assertThatThrownBy(() -> InputRules.date("asOf", bad)).isInstanceOf(ValidationException.class)
                    .hasMessage("asOf: date out of range 1900-01-01..2999-12-31");
        }
        assertThatThrownBy(() -> InputRules.date("from", "2026-02-30")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("from: ");
    }

    @Test
    void textMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
        assertThat(InputRules.textRule("note", "第一行\r\n第二行\t完")).isEmpty();
        assertThat(InputRules.textRule("note", "ab\u0000c")).hasValueSatisfying(e -> {
            assertThat(e.field()).isEqualTo("note");
            assertThat(e.message()).isEqualTo("control character U+0000 at character 3 is not allowed");
        });
        assertThat(InputRules.textRule("note", "\u0007")).isPresent();
        assertThat(InputRules.textRule("note", "\u009b")).isPresent();
    }

    @Test
    void textHoldsAtMost20000Characters() {
        assertThat(InputRules.textRule("body", "x".repeat(20_000))).isEmpty();
        assertThat(InputRules.textRule("body", "x".repeat(20_001))).hasValueSatisfying(e ->
                assertThat(e.message()).isEqualTo("at most 20000 characters"));
    }
}
