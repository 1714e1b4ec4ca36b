package io.huikuan.negotiation.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.negotiation.Offer;
import io.huikuan.negotiation.OfferKind;
import io.huikuan.negotiation.OfferQueries;
import io.huikuan.negotiation.OfferSide;
import io.huikuan.negotiation.Concessions;
import io.huikuan.negotiation.Offers;
import io.huikuan.negotiation.PaymentPlans;
import io.huikuan.negotiation.SupplyHoldQueries;
import io.huikuan.worklist.Activities;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The negotiation history of a customer on one screen (/customers/{code}/negotiation: offers of both sides with their
 * activities, the supply hold history, a form to log an offer and the answers to open ones) and the negotiation panel of
 * the customer page, loaded with htmx from /customers/{code}/negotiation-panel.
 */
@Controller
class NegotiationPages {

    static final int PANEL_OFFERS = 5;
    static final int ACTIVITY_CHOICES = 30;

    private final Offers offers;
    private final PaymentPlans plans;
    private final Concessions concessions;
    private final OfferQueries offerQueries;
    private final SupplyHoldQueries holds;
    private final Activities activities;
    private final CustomerService customers;
    private final MessageSource messages;
    private final Clock clock;

    NegotiationPages(Offers offers, PaymentPlans plans, Concessions concessions, OfferQueries offerQueries, SupplyHoldQueries holds, Activities activities, CustomerService customers,
            MessageSource messages, Clock clock) {
        this.offers = offers;
        this.plans = plans;
        this.concessions = concessions;
        this.offerQueries = offerQueries;
        this.holds = holds;
        this.activities = activities;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/customers/{code}/negotiation")
    String history(@PathVariable String code, Model model) {
        CustomerRef ref = customers.ref(code);
        model.addAttribute("customer", ref);
        model.addAttribute("offers", offers.forCustomer(ref.code()));
        model.addAttribute("holds", holds.history(ref.id()));
        model.addAttribute("activities", activities.forCustomer(ref.code(), ACTIVITY_CHOICES));
        model.addAttribute("sides", OfferSide.values());
        model.addAttribute("kinds", OfferKind.values());
        model.addAttribute("mayNegotiate", Offers.mayNegotiate());
        model.addAttribute("today", LocalDate.now(clock));
        plansAndConcessions(ref.code(), model);
        return "negotiation/negotiation";
    }

    @GetMapping("/customers/{code}/negotiation-panel")
    String panel(@PathVariable String code, Model model) {
        CustomerRef ref = customers.ref(code);
        model.addAttribute("customerCode", ref.code());
        model.addAttribute("latestOffers", offerQueries.latest(ref.id(), PANEL_OFFERS));
        plansAndConcessions(ref.code(), model);
        return "negotiation/negotiation :: panel";
    }

    /** The customer's payment plans and concessions, shown on the negotiation screen and in the panel. */
    private void plansAndConcessions(String customerCode, Model model) {
        model.addAttribute("plans", plans.forCustomer(customerCode));
        model.addAttribute("summary", concessions.forCustomer(customerCode));
        model.addAttribute("mayPropose", Concessions.mayPropose());
    }

    @PostMapping("/customers/{code}/offers")
    String record(@PathVariable String code, @RequestParam(required = false) String side, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String offeredOn, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String terms, @RequestParam(required = false) String activityId,
            @RequestParam(required = false) String planId, @RequestParam(required = false) String concessionId, Locale locale,
            RedirectAttributes redirect) {
        return act(redirect, locale, page(code), () -> {
            offers.record(code, new Offers.NewOffer(side, kind, InputRules.date("offeredOn", offeredOn), amount, terms, Offers.id("activityId", activityId),
                    Offers.id("planId", planId), Offers.id("concessionId", concessionId)));
            return "offers.recorded";
        });
    }

    @PostMapping("/offers/{id}/{answer:accept|refuse|withdraw}")
    String answer(@PathVariable long id, @PathVariable String answer, @RequestParam(required = false) String on,
            @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        Offer o = offers.get(id);
        return act(redirect, locale, page(o.customerCode()), () -> {
            Offers.Answer a = new Offers.Answer(InputRules.date("on", on), note);
            switch (answer) {
                case "accept" -> offers.accept(id, a);
                case "refuse" -> offers.refuse(id, a);
                default -> offers.withdraw(id, a);
            }
            return "offers.answered." + answer;
        });
    }

    private String act(RedirectAttributes redirect, Locale locale, String target, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", messages.getMessage(action.get(), null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "offers.field."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("offers.conflict", new Object[] {e.getMessage()}, locale));
        }
        return target;
    }

    private static String page(String code) {
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/negotiation";
    }
}
