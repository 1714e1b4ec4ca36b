package io.huikuan.legal;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.Currencies;
import io.huikuan.legal.internal.ClaimQueries;
import io.huikuan.legal.internal.ClaimQueries.ClaimInvoice;
import io.huikuan.legal.internal.InvoiceInterest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim of a case computed from the calculators: for chosen invoices of a customer as of a date, the principal (what
 * is open on them), the late interest of each ({@link InvoiceInterest}: from the day after its due date to the as-of date,
 * by its contract's late clause, else by the basis chosen: DAILY_RATE with a daily rate, default
 * {@code huikuan.legal.interest.letter-daily-rate}, 万分之五; CONTRACT with an annual rate; LPR with a markup), and the
 * court fee of the case's procedure on principal + interest ({@link CourtFees}: LAWSUIT ordinary or summary, PAYMENT_ORDER
 * one third, PRESERVATION; none for a lawyer letter). An arbitration's fee follows the commission's own schedule and
 * enforcement's the fee for applying for enforcement (诉讼费用交纳办法 art. 14 (1)): both left to the user, as the penalty
 * (违约金) always is. A claim in a foreign currency gets no court-fee figure (the fee is on its RMB value).
 */
@Service
public class ClaimEstimates {

    /** What to estimate; null invoiceNos: every invoice overdue on asOf; null asOf: today; null basis: DAILY_RATE. */
    public record Request(String customerCode, List<String> invoiceNos, LegalCaseKind kind, LawsuitProcedure procedure, LocalDate asOf,
            InterestBasis basis, BigDecimal rate, BigDecimal markup) {
    }

    /**
     * The estimate. {@code courtFee} null when it is left to the user, {@code courtFeeNote} says why: NONE (a lawyer
     * letter has no court fee), ARBITRATION, ENFORCEMENT, FOREIGN_CURRENCY; otherwise null and {@code courtProcedure} the
     * procedure priced. {@code total} = principal + interest + court fee (0 when left to the user).
     */
    public record Estimate(String customerCode, LocalDate asOf, LegalCaseKind kind, LawsuitProcedure procedure, String currency,
            InterestBasis basis, BigDecimal rate, BigDecimal markup, BigDecimal principal, BigDecimal interest, List<InvoiceInterest.Line> lines,
            CourtProcedure courtProcedure, BigDecimal courtFee, String courtFeeNote, BigDecimal total) {
    }

    private final CustomerService customers;
    private final ClaimQueries queries;
    private final InvoiceInterest perInvoice;
    private final CourtFees fees;
    private final InterestProperties props;
    private final Clock clock;

    ClaimEstimates(CustomerService customers, ClaimQueries queries, InvoiceInterest perInvoice, CourtFees fees, InterestProperties props,
            Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.perInvoice = perInvoice;
        this.fees = fees;
        this.props = props;
        this.clock = clock;
    }

    /** Estimates the claim; every bad input named at once (customerCode, invoiceNos[i], kind, procedure, asOf, rate, markup). */
    @Transactional(readOnly = true)
    public Estimate estimate(Request r) {
        CurrentUser.require("estimate claims", Role.LEGAL, Role.MANAGER, Role.FINANCE, Role.COLLECTOR);
        if (r.customerCode() == null || r.customerCode().isBlank()) {
            throw ValidationException.coded("customerCode", r.customerCode(), "required", "required");
        }
        CustomerRef customer = customers.ref(r.customerCode().strip());
        List<FieldError> errors = new ArrayList<>();
        LocalDate asOf = r.asOf() == null ? LocalDate.now(clock) : r.asOf();
        InputRules.dateRule("asOf", asOf).ifPresent(errors::add);
        if (r.kind() == null) {
            errors.add(FieldError.coded("kind", null, "required", "required: " + List.of(LegalCaseKind.values())));
        } else if (r.procedure() != null && r.kind() != LegalCaseKind.LAWSUIT) {
            errors.add(FieldError.coded("procedure", r.procedure(), "legal.procedureLawsuitOnly", "applies only to a LAWSUIT"));
        }
        InvoiceInterest.Fallback fallback = fallback(r, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<ClaimInvoice> invoices = invoices(customer, r.invoiceNos(), asOf, errors);
        Set<String> currencies = new java.util.TreeSet<>(invoices.stream().map(ClaimInvoice::currency).toList());
        if (currencies.size() > 1) {
            errors.add(FieldError.coded("invoiceNos", String.join(", ", currencies), "legal.claimCurrencies",
                    "are in " + currencies + ": a claim is in one currency, estimate each separately", String.join(", ", currencies)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<InvoiceInterest.Line> lines = new ArrayList<>();
        for (ClaimInvoice i : invoices) {
            lines.add(perInvoice.of(i.invoiceNo(), i.dueDate(), i.open(), i.clause(), i.rate(), asOf, fallback));
        }
        BigDecimal principal = lines.stream().map(InvoiceInterest.Line::open).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal interest = lines.stream().map(InvoiceInterest.Line::interest).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        String currency = currencies.isEmpty() ? Currencies.BASE : currencies.iterator().next();
        CourtProcedure procedure = courtProcedure(r.kind(), r.procedure());
        BigDecimal claim = principal.add(interest);
        String note = switch (r.kind()) {
            case LAWYER_LETTER -> "NONE";
            case ARBITRATION -> "ARBITRATION";
            case ENFORCEMENT -> "ENFORCEMENT";
            default -> Currencies.BASE.equals(currency) ? null : "FOREIGN_CURRENCY";
        };
        BigDecimal fee = note == null && claim.signum() > 0 ? fees.fee(claim, procedure, false).fee() : null;
        BigDecimal total = claim.add(fee == null ? BigDecimal.ZERO : fee);
        return new Estimate(customer.code(), asOf, r.kind(), r.kind() == LegalCaseKind.LAWSUIT ? procedure == CourtProcedure.SUMMARY
                ? LawsuitProcedure.SUMMARY : LawsuitProcedure.ORDINARY : null, currency, fallback.basis(), fallback.rate(), fallback.markup(),
                principal, interest, List.copyOf(lines), note == null ? procedure : null, fee, note, total);
    }

    /** The court-fee procedure of a case kind (null: no court fee of its own). */
    public static CourtProcedure courtProcedure(LegalCaseKind kind, LawsuitProcedure procedure) {
        return switch (kind) {
            case LAWSUIT -> procedure == LawsuitProcedure.SUMMARY ? CourtProcedure.SUMMARY : CourtProcedure.LAWSUIT;
            case PAYMENT_ORDER -> CourtProcedure.PAYMENT_ORDER;
            case PRESERVATION -> CourtProcedure.PRESERVATION;
            default -> null;
        };
    }

    /** The basis for invoices whose contract sets no rate, checked as the interest calculator checks it. */
    private InvoiceInterest.Fallback fallback(Request r, List<FieldError> errors) {
        InterestBasis basis = r.basis() == null ? InterestBasis.DAILY_RATE : r.basis();
        BigDecimal rate = r.rate();
        if (basis == InterestBasis.DAILY_RATE && rate == null) {
            rate = props.letterDailyRate();
        }
        if (basis == InterestBasis.LPR) {
            if (rate != null) {
                errors.add(FieldError.coded("rate", rate.toPlainString(), "legal.rateNotForLpr",
                        "does not apply to basis LPR (the table gives the rate; use markup)"));
            }
            if (r.markup() != null && (r.markup().compareTo(BigDecimal.valueOf(-1)) <= 0 || r.markup().compareTo(BigDecimal.TEN) > 0)) {
                errors.add(FieldError.coded("markup", r.markup().toPlainString(), "legal.markupRange",
                        "is a fraction above -1 and at most 10 (0.5 = LPR plus 50%)"));
            }
        } else {
            if (r.markup() != null) {
                errors.add(FieldError.coded("markup", r.markup().toPlainString(), "legal.markupLprOnly", "applies to basis LPR only"));
            }
            if (rate == null) {
                errors.add(FieldError.coded("rate", null, "legal.annualRateRequired", "is required for basis CONTRACT: the annual rate, e.g. 0.06"));
            } else if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
                errors.add(FieldError.coded("rate", rate.toPlainString(), "legal.rateFraction", "is a fraction above 0 and below 1 (0.06 = 6%)"));
            }
        }
        return new InvoiceInterest.Fallback(basis, rate, basis == InterestBasis.LPR ? r.markup() : null);
    }

    /** The named invoices (each the customer's, with something open on asOf) or, none named, every one overdue on asOf. */
    private List<ClaimInvoice> invoices(CustomerRef customer, List<String> invoiceNos, LocalDate asOf, List<FieldError> errors) {
        return LegalCaseRules.chosen(invoiceNos, () -> queries.overdue(customer.id(), asOf), named -> queries.byNumber(customer.id(), named, asOf),
                ClaimInvoice::open, errors);
    }
}
