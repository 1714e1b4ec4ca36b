package io.huikuan.legal;

import io.huikuan.common.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Court fees under the State Council's Measures on the Payment of Litigation Costs (诉讼费用交纳办法, 2007).
 * <ul>
 * <li>Art. 13 (1): the acceptance fee of a property case by cumulative bands of the claim: 50 per case up to 10,000;
 * 2.5% of the part over 10,000 to 100,000; 2% to 200,000; 1.5% to 500,000; 1% to 1,000,000; 0.9% to 2,000,000;
 * 0.8% to 5,000,000; 0.7% to 10,000,000; 0.6% to 20,000,000; 0.5% of the part over 20,000,000.</li>
 * <li>Art. 15: a case closed by mediation (or withdrawn) pays half; art. 16: the summary procedure pays half. Courts halve
 * once: a summary case closed by mediation is not halved again.</li>
 * <li>Art. 14 (3): a payment order 支付令 pays one third of the property-case fee.</li>
 * <li>Art. 14 (2): property preservation 30 up to 1,000 (or no amount); 1% of the part over 1,000 to 100,000; 0.5% of
 * the part over 100,000; at most 5,000.</li>
 * </ul>
 * Each band is computed exactly; the fee is rounded HALF_UP to the cent once, at the end.
 */
@Service
public class CourtFees {

    /** The largest claim the calculator takes (a sanity bound, beyond any real claim). */
    public static final BigDecimal MAX_CLAIM = new BigDecimal("1000000000000.00");

    /** A rate on the part of the claim over {@code from} up to {@code to} (null: no upper end). */
    private record Step(BigDecimal from, BigDecimal to, BigDecimal rate) {
    }

    private static final List<Step> PROPERTY_BANDS = List.of(step("10000", "100000", "0.025"), step("100000", "200000", "0.02"),
            step("200000", "500000", "0.015"), step("500000", "1000000", "0.01"), step("1000000", "2000000", "0.009"),
            step("2000000", "5000000", "0.008"), step("5000000", "10000000", "0.007"), step("10000000", "20000000", "0.006"),
            step("20000000", null, "0.005"));
    private static final BigDecimal PROPERTY_MINIMUM = new BigDecimal("50");

    private static final List<Step> PRESERVATION_BANDS = List.of(step("1000", "100000", "0.01"), step("100000", null, "0.005"));
    private static final BigDecimal PRESERVATION_MINIMUM = new BigDecimal("30");
    private static final BigDecimal PRESERVATION_CAP = new BigDecimal("5000");

    /** One band of the computation: the part of the claim from {@code from} to {@code to} (null: no upper end) at {@code rate}; the first band is a flat fee ({@code rate} null). */
    public record Band(BigDecimal from, BigDecimal to, BigDecimal rate, BigDecimal amount) {
    }

    /**
     * A computed fee. {@code baseFee} the fee before any reduction (the property-case fee, or the preservation fee
     * before its cap); {@code reduction} NONE, HALF (art. 15/16), ONE_THIRD (art. 14 (3)) or CAPPED (art. 14 (2));
     * {@code article} the articles applied.
     */
    public record CourtFee(BigDecimal claim, CourtProcedure procedure, boolean mediated, BigDecimal baseFee, String reduction, BigDecimal fee,
            List<Band> bands, String article) {
    }

    /** The fee for a claim. Errors name {@code claim} or {@code mediated}. */
    public CourtFee fee(BigDecimal claim, CourtProcedure procedure, boolean mediated) {
        checkClaim(claim);
        if (procedure == null) {
            throw ValidationException.coded("procedure", null, "required", "is required: LAWSUIT, SUMMARY, PAYMENT_ORDER or PRESERVATION");
        }
        if (mediated && (procedure == CourtProcedure.PAYMENT_ORDER || procedure == CourtProcedure.PRESERVATION)) {
            throw ValidationException.coded("mediated", true, "legal.mediatedLawsuitOnly",
                    "applies to a lawsuit (LAWSUIT or SUMMARY) only: art. 15 halves the acceptance fee of a case");
        }
        if (procedure == CourtProcedure.PRESERVATION) {
            List<Band> bands = computeBands(claim, PRESERVATION_MINIMUM, PRESERVATION_BANDS);
            BigDecimal base = sum(bands);
            boolean capped = base.compareTo(PRESERVATION_CAP) > 0;
            return new CourtFee(claim, procedure, false, cents(base), capped ? "CAPPED" : "NONE", cents(capped ? PRESERVATION_CAP : base), bands,
                    "诉讼费用交纳办法 第十四条第（二）项");
        }
        List<Band> bands = computeBands(claim, PROPERTY_MINIMUM, PROPERTY_BANDS);
        BigDecimal base = sum(bands);
        return switch (procedure) {
            case PAYMENT_ORDER -> new CourtFee(claim, procedure, false, cents(base), "ONE_THIRD",
                    base.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP), bands, "诉讼费用交纳办法 第十三条第（一）项、第十四条第（三）项");
            case SUMMARY -> new CourtFee(claim, procedure, mediated, cents(base), "HALF", half(base), bands,
                    "诉讼费用交纳办法 第十三条第（一）项、第十六条");
            default -> mediated
                    ? new CourtFee(claim, procedure, true, cents(base), "HALF", half(base), bands, "诉讼费用交纳办法 第十三条第（一）项、第十五条")
                    : new CourtFee(claim, procedure, false, cents(base), "NONE", cents(base), bands, "诉讼费用交纳办法 第十三条第（一）项");
        };
    }

    /** The acceptance fee of an ordinary lawsuit on {@code claim} (the estimate letters quote). */
    public BigDecimal lawsuitFee(BigDecimal claim) {
        return fee(claim, CourtProcedure.LAWSUIT, false).fee();
    }

    static void checkClaim(BigDecimal claim) {
        if (claim == null) {
            throw ValidationException.coded("claim", null, "required", "is required: the amount claimed, e.g. 1000000.00");
        }
        if (claim.signum() <= 0) {
            throw ValidationException.coded("claim", claim.toPlainString(), "amount.positive", "must be greater than 0");
        }
        if (claim.stripTrailingZeros().scale() > 2) {
            throw ValidationException.coded("claim", claim.toPlainString(), "amount.decimals", "has at most 2 decimals (cents)");
        }
        if (claim.compareTo(MAX_CLAIM) > 0) {
            throw ValidationException.coded("claim", claim.toPlainString(), "legal.atMost", "is at most " + MAX_CLAIM.toPlainString(), MAX_CLAIM.toPlainString());
        }
    }

    /** The flat first band, then each rate on the part of the claim inside its band. */
    private static List<Band> computeBands(BigDecimal claim, BigDecimal minimum, List<Step> steps) {
        List<Band> out = new ArrayList<>();
        out.add(new Band(BigDecimal.ZERO, steps.getFirst().from(), null, minimum));
        for (Step step : steps) {
            if (claim.compareTo(step.from()) <= 0) {
                break;
            }
            BigDecimal upTo = step.to() == null || claim.compareTo(step.to()) < 0 ? claim : step.to();
            out.add(new Band(step.from(), step.to(), step.rate(), upTo.subtract(step.from()).multiply(step.rate())));
        }
        return out;
    }

    private static Step step(String from, String to, String rate) {
        return new Step(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(rate));
    }

    private static BigDecimal sum(List<Band> bands) {
        return bands.stream().map(Band::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal half(BigDecimal base) {
        return base.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
