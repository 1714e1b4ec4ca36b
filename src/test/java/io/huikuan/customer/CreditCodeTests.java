package io.huikuan.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsRealCodesAndRefusesAWrongCheckCharacter() {
        assertThat(CreditCode.problem("91350100M000100Y43")).isNull();
        assertThat(CreditCode.problem("91110000600037341L")).isNull();
        assertThat(CreditCode.problem("91350100M000100Y44")).contains("check character should be '3'");
    }

    @Test
    void refusesWrongLengthAndLettersOutsideTheAlphabet() {
        assertThat(CreditCode.problem("9135010")).isEqualTo("must be 18 characters");
        assertThat(CreditCode.problem("91350100I000100Y43")).contains("position 9");
        assertThat(CreditCode.problem(null)).isEqualTo("must be 18 characters");
    }

    @Test
    void completesACodeWithItsCheckCharacter() {
        assertThat(CreditCode.withCheck("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.problem(CreditCode.withCheck("91440300MA5D123456".substring(0, 17)))).isNull();
    }
}
