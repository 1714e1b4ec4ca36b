package io.huikuan.ledger.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.ledger.CustomerTimeline;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer page's timeline (issue 12, item 11), loaded there with htmx: the filter by kind and the first
 * entries ({@code /customers/{code}/timeline?kind=}), and "load more" ({@code &offset=n&more=true}, the next entries only).
 */
@Controller
class CustomerTimelinePages {

    static final int SIZE = 20;

    private final CustomerTimeline timeline;
    private final MessageSource messages;
    private final java.time.Clock clock;

    CustomerTimelinePages(CustomerTimeline timeline, MessageSource messages, java.time.Clock clock) {
        this.timeline = timeline;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/customers/{code}/timeline")
    String timeline(@PathVariable String code, @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "false") boolean more, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        CustomerTimeline.Slice slice;
        try {
            slice = timeline.slice(code, kind, offset, SIZE);
        } catch (ValidationException e) {
            errors.addAll(e);
            slice = timeline.slice(code, null, offset, SIZE);
        }
        ZoneId zone = clock.getZone();
        model.addAttribute("customerCode", code);
        model.addAttribute("slice", slice);
        model.addAttribute("kinds", CustomerTimeline.KINDS);
        model.addAttribute("zone", zone);
        model.addAttribute("timelineErrors", errors.any()
                ? List.of(messages.getMessage("timeline.kind.bad", new Object[] {kind}, locale)) : List.of());
        return more ? "ledger/customer-timeline :: entries" : "ledger/customer-timeline :: timeline";
    }
}
