package io.huikuan.demo;

import io.huikuan.negotiation.Offer;
import io.huikuan.negotiation.Offers;
import io.huikuan.negotiation.Offers.Answer;
import io.huikuan.negotiation.Offers.NewOffer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The offers log of the demo's pending plan, recorded by the customer's collector (the caller logs in as them): the
 * customer asked for 12 months without a down payment (refused: below the policy's down payment), we offered 20% down
 * and the rest in 6 months (the offer names the plan it became), they came back with 10% down over 9 months (refused), then accepted ours, which became the
 * plan. Linked to the call or visit in which it was negotiated.
 */
@Component
class DemoOffers {

    /** The activity an offer was made in and its day. */
    record Talk(long id, LocalDate on) {
    }

    private final Offers offers;

    DemoOffers(Offers offers) {
        this.offers = offers;
    }

    /** Records the offers that led to plan {@code planId}, agreed on {@code agreed}; answers how many. */
    int record(DemoNegotiation.Debtor d, LocalDate agreed, BigDecimal total, BigDecimal down, long planId, Talk talk) {
        LocalDate first = talk == null || talk.on().isAfter(agreed) ? DemoActs.weekday(agreed.minusDays(6)) : talk.on();
        LocalDate counter = first.plusDays(ChronoUnit.DAYS.between(first, agreed) / 2);
        Long activity = talk == null ? null : talk.id();
        String code = d.code();
        BigDecimal monthly = total.divide(BigDecimal.valueOf(12), 0, java.math.RoundingMode.HALF_UP).setScale(2);

        Offer asked = offers.record(code, new NewOffer("THEIRS", "PAYMENT_PLAN", first, total.toPlainString(),
                "客户提出：不付首付，全部欠款分12个月等额支付，每月约 " + monthly.toPlainString() + " 元", activity, null, null));
        offers.refuse(asked.id(), new Answer(first, "无首付不符合公司分期政策（首付不低于10%），且期限过长"));

        Offer ours = offers.record(code, new NewOffer("OURS", "PAYMENT_PLAN", first, down.toPlainString(),
                "我方提出：首付20%（" + down.toPlainString() + " 元）一周内支付，余款6个月内按月等额付清；任何一期逾期，剩余款项全部到期",
                activity, planId, null));

        Offer countered = offers.record(code, new NewOffer("THEIRS", "PAYMENT_PLAN", counter,
                DemoNegotiation.percentOf(total, BigDecimal.TEN).toPlainString(), "客户还价：首付10%，余款分9个月支付", activity, null, null));
        offers.refuse(countered.id(), new Answer(counter, "期限最多6个月，坚持首付20%的方案"));

        offers.accept(ours.id(), new Answer(agreed, "客户老板同意我方方案，已提交分期还款协议审批（方案 #" + planId + "）"));
        return 3;
    }
}
