package io.huikuan.demo;

import io.huikuan.negotiation.Offer;
import io.huikuan.negotiation.Offers;
import io.huikuan.negotiation.Offers.Answer;
import io.huikuan.negotiation.Offers.NewOffer;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Direction;
import io.huikuan.worklist.Excuse;
import io.huikuan.worklist.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.stereotype.Component;

/**
 * The offers log of the demo's pending plan, recorded by the customer's collector (the caller logs in as them), each
 * linked to the contact it was made in (logged by the collector like the story's calls): on a visit a week before the
 * agreement the customer asked for 12 months without a down payment (refused: below the policy's down payment) and we
 * offered 20% down and the rest in 6 months (the offer names the plan it became); on a call they came back with 10% down
 * over 9 months (refused); on the day of the agreement they accepted ours.
 */
@Component
class DemoOffers {

    private final Offers offers;
    private final DemoActs acts;

    DemoOffers(Offers offers, DemoActs acts) {
        this.offers = offers;
        this.acts = acts;
    }

    /** Records the offers that led to plan {@code planId}, agreed on {@code agreed}; answers how many. */
    int record(DemoNegotiation.Debtor d, LocalDate agreed, BigDecimal total, BigDecimal down, long planId) {
        LocalDate first = DemoActs.weekday(agreed.minusDays(6));
        LocalDate counter = DemoActs.weekday(agreed.minusDays(3));
        String code = d.code();
        BigDecimal monthly = total.divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).setScale(2);

        Long visit = contact(d, Channel.VISIT, first, LocalTime.of(14, 0), Direction.OUTBOUND,
                "上门拜访客户财务总监，客户称资金紧张，要求分12个月还款；我方提出首付20%、余款6个月付清的方案，客户表示需向老板请示");
        Offer asked = offers.record(code, new NewOffer("THEIRS", "PAYMENT_PLAN", first, total.toPlainString(),
                "客户提出：不付首付，全部欠款分12个月等额支付，每月约 " + monthly.toPlainString() + " 元", visit, null, null));
        offers.refuse(asked.id(), new Answer(first, "无首付不符合公司分期政策（首付不低于10%），且期限过长"));
        Offer ours = offers.record(code, new NewOffer("OURS", "PAYMENT_PLAN", first, down.toPlainString(),
                "我方提出：首付20%（" + down.toPlainString() + " 元）一周内支付，余款6个月内按月等额付清；任何一期逾期，剩余款项全部到期",
                visit, planId, null));

        Long call = contact(d, Channel.PHONE, counter, LocalTime.of(10, 20), Direction.INBOUND, "客户来电还价：首付10%，余款分9个月，我方未同意");
        Offer countered = offers.record(code, new NewOffer("THEIRS", "PAYMENT_PLAN", counter,
                DemoNegotiation.percentOf(total, BigDecimal.TEN).toPlainString(), "客户还价：首付10%，余款分9个月支付", call, null, null));
        offers.refuse(countered.id(), new Answer(counter, "期限最多6个月，坚持首付20%的方案"));

        contact(d, Channel.PHONE, agreed, LocalTime.of(15, 30), Direction.OUTBOUND, "客户老板同意首付20%、余款6个月付清，分期方案已提交主管审批");
        offers.accept(ours.id(), new Answer(agreed, "客户老板同意我方方案，已提交分期还款协议审批（方案 #" + planId + "）"));
        return 3;
    }

    /** The contact logged by the customer's collector (null: the customer has no contact person to log it with). */
    private Long contact(DemoNegotiation.Debtor d, Channel channel, LocalDate day, LocalTime time, Direction direction, String notes) {
        if (d.contactId() <= 0) {
            return null;
        }
        return acts.log(d.owner(), d.code(), d.contactId(), channel, day, time, Outcome.REACHED, channel == Channel.VISIT ? Excuse.NO_MONEY : null,
                notes, direction);
    }
}
