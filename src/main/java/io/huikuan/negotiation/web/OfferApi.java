package io.huikuan.negotiation.web;

import io.huikuan.common.InputRules;
import io.huikuan.negotiation.Offer;
import io.huikuan.negotiation.Offers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The offers log for API clients: what each side offered or asked, and the answers. */
@RestController
@Tag(name = "Offers")
class OfferApi {

    record OfferRequest(String side, String kind, String offeredOn, String amount, String terms, Long activityId, Long planId,
            Long concessionId) {
    }

    record AnswerRequest(String on, String note) {
    }

    private final Offers offers;

    OfferApi(Offers offers) {
        this.offers = offers;
    }

    @GetMapping("/api/customers/{code}/offers")
    @Operation(summary = "The customer's offers made on or before asOf (yyyy-MM-dd, default today), oldest first, each with its status "
            + "as of that day and its linked activity")
    List<Offer> list(@PathVariable String code, @RequestParam(required = false) String asOf) {
        return offers.forCustomer(code, InputRules.date("asOf", asOf));
    }

    @PostMapping("/api/customers/{code}/offers")
    @Operation(summary = "Record an offer or a request {side: OURS|THEIRS, kind: PAYMENT_PLAN|DISCOUNT|WAIVER|SETTLEMENT|OTHER, offeredOn "
            + "(default today), amount (optional), terms, activityId (an activity of the same customer), planId, concessionId} "
            + "(COLLECTOR for own customers, MANAGER, FINANCE, LEGAL): 201 with status OPEN")
    ResponseEntity<Offer> record(@PathVariable String code, @RequestBody(required = false) OfferRequest body) {
        OfferRequest b = body == null ? new OfferRequest(null, null, null, null, null, null, null, null) : body;
        Offer o = offers.record(code, new Offers.NewOffer(b.side(), b.kind(), InputRules.date("offeredOn", b.offeredOn()), b.amount(), b.terms(),
                b.activityId(), b.planId(), b.concessionId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(o);
    }

    @GetMapping("/api/offers/{id}")
    Offer get(@PathVariable long id) {
        return offers.get(id);
    }

    @PostMapping("/api/offers/{id}/accept")
    @Operation(summary = "The offer was accepted {on (default today), note}; 409 unless it is OPEN")
    Offer accept(@PathVariable long id, @RequestBody(required = false) AnswerRequest body) {
        return offers.accept(id, answer(body));
    }

    @PostMapping("/api/offers/{id}/refuse")
    @Operation(summary = "The offer was refused {on (default today), note}; 409 unless it is OPEN")
    Offer refuse(@PathVariable long id, @RequestBody(required = false) AnswerRequest body) {
        return offers.refuse(id, answer(body));
    }

    @PostMapping("/api/offers/{id}/withdraw")
    @Operation(summary = "The offer was withdrawn by its maker {on (default today), note}; 409 unless it is OPEN")
    Offer withdraw(@PathVariable long id, @RequestBody(required = false) AnswerRequest body) {
        return offers.withdraw(id, answer(body));
    }

    private static Offers.Answer answer(AnswerRequest body) {
        return body == null ? new Offers.Answer(null, null) : new Offers.Answer(InputRules.date("on", body.on()), body.note());
    }
}
