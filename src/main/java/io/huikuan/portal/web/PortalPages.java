package io.huikuan.portal.web;

import io.huikuan.correspondence.TemplateData;
import io.huikuan.correspondence.TemplateDataBuilder;
import io.huikuan.identity.CurrentUser;
import io.huikuan.portal.PortalVisitor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The debtor's pages under {@code /portal/{token}}: so far the start page with the letterhead, the customer's name, its
 * open (undisputed) invoices with due dates, open amounts and days overdue, the total per currency, and our bank
 * account. Every handler takes the {@link PortalVisitor} and reads only its customer: the customer's data is read as
 * the system (the visitor holds no role), bounded to {@link PortalVisitor#customerCode()}.
 */
@Controller
class PortalPages {

    /** One open invoice as the debtor sees it. */
    record OpenInvoice(String number, LocalDate dueDate, BigDecimal open, long daysOverdue, String currency) {
    }

    private final TemplateDataBuilder data;
    private final Clock clock;

    PortalPages(TemplateDataBuilder data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    @GetMapping("/portal/{token}")
    String start(@org.springframework.web.bind.annotation.PathVariable String token, PortalVisitor visitor, Model model) {
        TemplateData d = CurrentUser.asSystem(() -> data.forCustomer(visitor.customerCode(), LocalDate.now(clock)));
        List<OpenInvoice> open = new ArrayList<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (TemplateData.InvoiceRow r : d.invoices()) {
            open.add(new OpenInvoice(r.number(), r.dueDate(), r.open(), r.daysOverdue(), r.currency()));
        }
        for (TemplateData.InvoiceRow r : d.upcoming()) {
            open.add(new OpenInvoice(r.number(), r.dueDate(), r.open(), 0, r.currency()));
        }
        open.sort(java.util.Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::number));
        open.forEach(i -> totals.merge(i.currency(), i.open(), BigDecimal::add));
        model.addAttribute("customer", d.customer());
        model.addAttribute("company", d.company());
        model.addAttribute("invoices", open);
        model.addAttribute("totals", totals);
        model.addAttribute("today", d.today());
        model.addAttribute("token", token);
        return "portal/start";
    }
}
