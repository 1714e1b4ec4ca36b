package io.huikuan.ledger.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.Contract;
import io.huikuan.ledger.ContractService;
import io.huikuan.ledger.LateClause;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The form that records a customer's contract: payment terms and the late-payment clause (违约金/利息). */
@Controller
class ContractPages {

    record ContractForm(String contractNo, String signedDate, String amount, String paymentTerms, String paymentDays, String lateClause,
            String lateRate, String reason) {
    }

    private final ContractService contracts;
    private final CustomerService customers;
    private final MessageSource messages;

    ContractPages(ContractService contracts, CustomerService customers, MessageSource messages) {
        this.contracts = contracts;
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping("/customers/{code}/contracts/new")
    String form(@PathVariable String code, Model model) {
        return show(code, new ContractForm("", "", "", "", "", LateClause.NONE.name(), "", ""), FormErrors.none(), model);
    }

    @PostMapping("/customers/{code}/contracts")
    String create(@PathVariable String code, @ModelAttribute("form") ContractForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        customers.ref(code);
        FormErrors errors = new FormErrors(messages, locale);
        var signed = errors.date("signedDate", form.signedDate(), false);
        BigDecimal amount = errors.amount("amount", form.amount(), false);
        Integer days = errors.integer("paymentDays", form.paymentDays());
        LateClause clause = CustomerPages.parseEnum(LateClause.class, form.lateClause(), "lateClause", errors, false);
        BigDecimal rate = null;
        if (form.lateRate() != null && !form.lateRate().isBlank()) {
            try {
                rate = new BigDecimal(form.lateRate().trim());
            } catch (NumberFormatException e) {
                errors.addCode("lateRate", "contract.error.rate");
            }
        }
        if (!errors.any()) {
            try {
                contracts.create(new Contract(CustomerPages.trim(form.contractNo()), code, signed, amount,
                        CustomerPages.blankToNull(form.paymentTerms()), days, clause, rate), form.reason());
                redirect.addFlashAttribute("flash", messages.getMessage("contract.created", new Object[] {form.contractNo()}, locale));
                return "redirect:" + CustomerPages.customerUrl(code) + "#contracts";
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                errors.add(e.field(), e.getMessage());
            }
        }
        return show(code, form, errors, model);
    }

    private String show(String code, ContractForm form, FormErrors errors, Model model) {
        model.addAttribute("customer", customers.get(code));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("clauses", LateClause.values());
        return "ledger/contract-new";
    }
}
