package io.huikuan.strategy.web;

import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.strategy.Segments;
import io.huikuan.worklist.PromiseStatus;
import io.huikuan.worklist.Promises;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The customer page's header facts (issue 12, item 10), loaded there with htmx: the promise to pay in force (the
 * open promise falling due first) and the segment and strategy the last collection run placed the customer in.
 * Served by the strategy module because it may read both the worklist's promises and its own segments.
 */
@Controller
class CustomerHeaderPages {

    private final CustomerService customers;
    private final Promises promises;
    private final Segments segments;
    private final Clock clock;

    CustomerHeaderPages(CustomerService customers, Promises promises, Segments segments, Clock clock) {
        this.customers = customers;
        this.promises = promises;
        this.segments = segments;
        this.clock = clock;
    }

    @GetMapping("/customers/{code}/header-facts")
    String facts(@PathVariable String code, Model model) {
        CustomerRef ref = customers.ref(code);
        model.addAttribute("promise", promises.search(PromiseStatus.OPEN, ref.code(), 0, 200).items().stream()
                .min(Comparator.comparing(Promises.Promise::promisedDate).thenComparing(Promises.Promise::id)).orElse(null));
        model.addAttribute("placement", segments.placement(ref.id()).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        return "strategy/customer-header :: facts";
    }
}
