package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.common.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The court fee on worked examples of 诉讼费用交纳办法 art. 13–16. */
class CourtFeesTests {

    private final CourtFees fees = new CourtFees();

    private String fee(String claim, CourtProcedure procedure) {
        return fees.fee(new BigDecimal(claim), procedure, false).fee().toPlainString();
    }

    @Test
    void aMillionLawsuitCosts13800ByTheCumulativeBands() {
        // 50 + 90,000 × 2.5% + 100,000 × 2% + 300,000 × 1.5% + 500,000 × 1% = 50 + 2,250 + 2,000 + 4,500 + 5,000
        CourtFees.CourtFee f = fees.fee(new BigDecimal("1000000.00"), CourtProcedure.LAWSUIT, false);
        assertThat(f.fee()).isEqualByComparingTo("13800.00");
        assertThat(f.fee().scale()).isEqualTo(2);
        assertThat(f.bands()).extracting(b -> b.amount().stripTrailingZeros().toPlainString())
                .containsExactly("50", "2250", "2000", "4500", "5000");
        assertThat(f.reduction()).isEqualTo("NONE");
    }

    @Test
    void summaryProcedureAndMediationHalveOncePaymentOrderIsOneThird() {
        assertThat(fee("1000000.00", CourtProcedure.SUMMARY)).isEqualTo("6900.00");
        assertThat(fee("1000000.00", CourtProcedure.PAYMENT_ORDER)).isEqualTo("4600.00");
        assertThat(fees.fee(new BigDecimal("1000000"), CourtProcedure.LAWSUIT, true).fee()).isEqualByComparingTo("6900.00");
        // a summary case closed by mediation is not halved twice
        assertThat(fees.fee(new BigDecimal("1000000"), CourtProcedure.SUMMARY, true).fee()).isEqualByComparingTo("6900.00");
    }

    @Test
    void smallClaimsPayTheFlatFeeAndEveryBandIsReached() {
        assertThat(fee("5000", CourtProcedure.LAWSUIT)).isEqualTo("50.00");
        assertThat(fee("10000", CourtProcedure.LAWSUIT)).isEqualTo("50.00");
        assertThat(fee("10000.01", CourtProcedure.LAWSUIT)).isEqualTo("50.00"); // 0.01 × 2.5% = 0.00025
        assertThat(fee("10000.20", CourtProcedure.LAWSUIT)).isEqualTo("50.01"); // 0.005 rounds half up
        assertThat(fee("100000", CourtProcedure.LAWSUIT)).isEqualTo("2300.00");
        // 13,800 + 1M × 0.9% + 3M × 0.8% + 5M × 0.7% + 10M × 0.6% + 10M × 0.5% = 13,800 + 9,000 + 24,000 + 35,000 + 60,000 + 50,000
        assertThat(fee("30000000", CourtProcedure.LAWSUIT)).isEqualTo("191800.00");
        // a payment order's third rounds half up to the cent: 2,300 / 3 = 766.666…
        assertThat(fee("100000", CourtProcedure.PAYMENT_ORDER)).isEqualTo("766.67");
        assertThat(fee("5000", CourtProcedure.SUMMARY)).isEqualTo("25.00");
    }

    @Test
    void preservationIs30Then1PercentThenHalfAPercentCappedAt5000() {
        assertThat(fee("800", CourtProcedure.PRESERVATION)).isEqualTo("30.00");
        assertThat(fee("100000", CourtProcedure.PRESERVATION)).isEqualTo("1020.00"); // 30 + 99,000 × 1%
        assertThat(fee("500000", CourtProcedure.PRESERVATION)).isEqualTo("3020.00"); // + 400,000 × 0.5%
        CourtFees.CourtFee million = fees.fee(new BigDecimal("1000000"), CourtProcedure.PRESERVATION, false);
        assertThat(million.fee()).isEqualByComparingTo("5000.00");
        assertThat(million.baseFee()).isEqualByComparingTo("5520.00");
        assertThat(million.reduction()).isEqualTo("CAPPED");
    }

    @Test
    void badClaimsAndMediationOutsideALawsuitNameTheField() {
        for (String bad : new String[] {"0", "-1", "100.001"}) {
            assertThatThrownBy(() -> fees.fee(new BigDecimal(bad), CourtProcedure.LAWSUIT, false)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors().getFirst().field()).isEqualTo("claim"));
        }
        assertThatThrownBy(() -> fees.fee(null, CourtProcedure.LAWSUIT, false)).hasMessageContaining("claim");
        assertThatThrownBy(() -> fees.fee(new BigDecimal("100"), CourtProcedure.PRESERVATION, true)).hasMessageContaining("mediated");
        assertThatThrownBy(() -> fees.fee(new BigDecimal("100"), null, false)).hasMessageContaining("procedure");
    }
}
