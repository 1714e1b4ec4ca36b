package io.huikuan.negotiation;

import java.util.Locale;
import org.springframework.stereotype.Service;

/** Prints a payment plan as a payment agreement (还款协议) PDF. */
@Service
public class PaymentAgreements {

    /** The agreement as a PDF in {@code locale} (zh-CN by default). */
    public byte[] pdf(PlanAgreement agreement, Locale locale) {
        throw new UnsupportedOperationException("the payment agreement PDF is being written (issue 13, part C)");
    }
}
