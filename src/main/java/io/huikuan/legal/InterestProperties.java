package io.huikuan.legal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Late-payment interest settings ({@code huikuan.legal.interest.*}): {@code dayBasis} the days of a year an annual
 * rate is divided by (365 or 360; default 365); {@code letterDailyRate} the daily rate letters use for an invoice whose
 * contract has no late clause (default 0.0005, 万分之五, the rate of 保障中小企业款项支付条例 art. 17 (art. 15 of the 2020 text); set 0 to claim no
 * interest where the contract is silent).
 */
@ConfigurationProperties("huikuan.legal.interest")
public record InterestProperties(Integer dayBasis, BigDecimal letterDailyRate) {

    public InterestProperties {
        dayBasis = dayBasis == null ? 365 : dayBasis;
        letterDailyRate = letterDailyRate == null ? new BigDecimal("0.0005") : letterDailyRate;
        if (dayBasis != 360 && dayBasis != 365) {
            throw new IllegalArgumentException("huikuan.legal.interest.day-basis must be 360 or 365");
        }
        if (letterDailyRate.signum() < 0 || letterDailyRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("huikuan.legal.interest.letter-daily-rate must be from 0 to below 1");
        }
    }
}
