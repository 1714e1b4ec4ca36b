package io.huikuan.portal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerService;
import io.huikuan.portal.NewPortalLink;
import io.huikuan.portal.PortalLinks;
import io.huikuan.portal.PortalProperties;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The collector's side of the portal: a panel on the customer page (loaded with htmx from
 * {@code /customers/{code}/portal}) to make a link (its full address shown once, to copy), see the links with their
 * status and how often they were opened, revoke one, and the recent access log.
 */
@Controller
class PortalLinkPages {

    private final PortalLinks links;
    private final CustomerService customers;
    private final PortalProperties props;
    private final MessageSource messages;
    private final io.huikuan.portal.internal.PortalActionRows actions;

    PortalLinkPages(PortalLinks links, CustomerService customers, PortalProperties props, MessageSource messages,
            io.huikuan.portal.internal.PortalActionRows actions) {
        this.actions = actions;
        this.links = links;
        this.customers = customers;
        this.props = props;
        this.messages = messages;
    }

    @GetMapping("/customers/{code}/portal")
    String panel(@PathVariable String code, Model model) {
        return fill(code, model);
    }

    /**
     * The call sheet's line about the portal (worklist task page): how often the customer's links were opened and when
     * last, the latest balance confirmation and the three latest actions, so the collector knows before the next call.
     */
    @GetMapping("/customers/{code}/portal/summary")
    String summary(@PathVariable String code, Model model) {
        var customer = customers.get(code);
        java.util.List<io.huikuan.portal.PortalLink> all = links.list(customer.code());
        model.addAttribute("customerCode", customer.code());
        model.addAttribute("linkCount", all.size());
        model.addAttribute("openedCount", all.stream().mapToLong(io.huikuan.portal.PortalLink::accessCount).sum());
        model.addAttribute("lastOpened", all.stream().map(io.huikuan.portal.PortalLink::lastAccessAt).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).orElse(null));
        model.addAttribute("portalActions", actions.recent(customers.ref(code).id(), 3));
        return "portal/links :: summary";
    }

    @PostMapping("/customers/{code}/portal")
    String create(@PathVariable String code, @RequestParam(required = false) String contactId, @RequestParam(required = false) String expiresInDays,
            @RequestParam(required = false) String verifyEmail,
            Model model, Locale locale) {
        try {
            NewPortalLink made = links.create(code, number("contactId", contactId), integer(expiresInDays), verifyEmail != null);
            model.addAttribute("createdUrl", props.baseUrl() + made.url());
            model.addAttribute("createdExpires", made.expiresAt());
        } catch (ValidationException e) {
            model.addAttribute("portalError", new FormErrors(messages, locale).text(e.errors().getFirst()));
        }
        return fill(code, model);
    }

    @PostMapping("/customers/{code}/portal/{id}/revoke")
    String revoke(@PathVariable String code, @PathVariable long id, Model model) {
        links.revoke(id);
        return fill(code, model);
    }

    private String fill(String code, Model model) {
        var customer = customers.get(code);
        model.addAttribute("customerCode", customer.code());
        model.addAttribute("contacts", customer.contacts());
        model.addAttribute("mayManage", PortalLinks.mayManage());
        model.addAttribute("links", PortalLinks.mayManage() ? links.list(code) : java.util.List.of());
        model.addAttribute("accesses", PortalLinks.mayManage() ? links.accesses(code, 20) : java.util.List.of());
        model.addAttribute("defaultDays", PortalLinks.DEFAULT_DAYS);
        model.addAttribute("portalActions", actions.recent(customers.ref(code).id(), 20));
        return "portal/links :: panel";
    }

    private static Long number(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.coded(field, raw, "portal.contact", "is not a contact of this customer", "");
        }
    }

    private static Integer integer(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return -1; // refused as out of range
        }
    }
}
