package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Capital Chinese amounts as a bank or a court would write them. */
class ChineseAmountTests {

    @ParameterizedTest
    @CsvSource({
            "0, 零元整",
            "1, 壹元整",
            "10, 壹拾元整",
            "105, 壹佰零伍元整",
            "1000.5, 壹仟元伍角整",
            "12005.30, 壹万贰仟零伍元叁角整",
            "100000, 壹拾万元整",
            "1010.08, 壹仟零壹拾元零捌分",
            "10000010, 壹仟万零壹拾元整",
            "100000000, 壹亿元整",
            "120003400.56, 壹亿贰仟万叁仟肆佰元伍角陆分",
            "0.07, 柒分",
            "0.5, 伍角整",
            "-35.2, 负叁拾伍元贰角整",
            "1000000001, 壹拾亿零壹元整",
            "123.455, 壹佰贰拾叁元肆角陆分"})
    void writesCapitalNumerals(String amount, String expected) {
        assertThat(ChineseAmount.upper(new BigDecimal(amount))).isEqualTo(expected);
    }
}
