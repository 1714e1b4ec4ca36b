package io.huikuan.legal.web;

import io.huikuan.common.Page;
import io.huikuan.legal.CaseOutcome;
import io.huikuan.legal.CaseStage;
import io.huikuan.legal.LawsuitProcedure;
import io.huikuan.legal.LegalCase;
import io.huikuan.legal.LegalCaseKind;
import io.huikuan.legal.LegalCaseMoney;
import io.huikuan.legal.LegalCaseRules;
import io.huikuan.legal.LegalCaseStages;
import io.huikuan.legal.LegalCases;
import io.huikuan.legal.PaymentOrderCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Legal cases for API clients: open, list, read, stages, costs, recoveries, close, and the 支付令 eligibility check. */
@RestController
@Tag(name = "Legal cases")
class LegalCaseApi {

    /** A case as a client sends it; enums as text so a bad one is named. */
    record CaseRequest(String customerCode, List<String> invoiceNos, String kind, String procedure, String court, String caseNo, String lawyer,
            BigDecimal principal, BigDecimal interest, BigDecimal penalty, BigDecimal costs, String owner, Boolean counterObligation,
            Boolean debtorInMainland, String interestBasis, BigDecimal interestRate, BigDecimal interestMarkup, LocalDate interestAsOf) {

        /** The interest method when one of its fields is given (then interest and costs left out are computed). */
        LegalCases.InterestMethod method() {
            if (interestBasis == null && interestRate == null && interestMarkup == null && interestAsOf == null) {
                return null;
            }
            return new LegalCases.InterestMethod(LegalCaseRules.parse(io.huikuan.legal.InterestBasis.class, "interestBasis", interestBasis),
                    interestRate, interestMarkup, interestAsOf);
        }
    }

    record StageRequest(String stage, LocalDate date, String time, String place, LocalDate servedOn, LocalDate performBy, String note) {
    }

    record MoneyRequest(String category, LocalDate date, BigDecimal amount, String note) {
    }

    record CloseRequest(LocalDate date, String outcome, String note) {
    }

    private final LegalCases cases;
    private final LegalCaseStages stages;
    private final LegalCaseMoney money;
    private final PaymentOrderCheck check;

    LegalCaseApi(LegalCases cases, LegalCaseStages stages, LegalCaseMoney money, PaymentOrderCheck check) {
        this.cases = cases;
        this.stages = stages;
        this.money = money;
        this.check = check;
    }

    @PostMapping("/api/legal-cases")
    @Operation(summary = "Open a legal case (LEGAL, MANAGER, ADMIN): customerCode, invoiceNos (default: every overdue open invoice), kind "
            + "LAWYER_LETTER|PAYMENT_ORDER|LAWSUIT|ARBITRATION|PRESERVATION|ENFORCEMENT, procedure ORDINARY|SUMMARY (lawsuits), court, caseNo, lawyer, "
            + "principal (default: open amount of the invoices), interest, penalty, costs, owner (a LEGAL user, default you), counterObligation, "
            + "debtorInMainland; interestBasis DAILY_RATE|CONTRACT|LPR, interestRate, interestMarkup, interestAsOf: interest and costs left out are "
            + "then computed as GET /api/legal-cases/claim-estimate does. While it is open its invoices leave the collection strategy")
    ResponseEntity<LegalCase> open(@RequestBody CaseRequest r) {
        LegalCase c = cases.open(new LegalCases.NewCase(r.customerCode(), r.invoiceNos(), LegalCaseRules.parse(LegalCaseKind.class, "kind", r.kind()),
                LegalCaseRules.parse(LawsuitProcedure.class, "procedure", r.procedure()), r.court(), r.caseNo(), r.lawyer(), r.principal(),
                r.interest(), r.penalty(), r.costs(), r.owner(), r.counterObligation(), r.debtorInMainland()), r.method());
        return ResponseEntity.created(URI.create("/api/legal-cases/" + c.id())).body(c);
    }

    @GetMapping("/api/legal-cases")
    @Operation(summary = "Legal cases, newest first, with claim, recovered and the next deadline; customer = a customer code, status OPEN|CLOSED; "
            + "collectors see their own customers' cases only")
    Page<LegalCase.Row> list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return cases.list(customer, status, page, size);
    }

    @GetMapping("/api/legal-cases/payment-order-check")
    @Operation(summary = "支付令 eligibility (民事诉讼法 art. 225) of invoices (comma-separated invoiceNos, default every overdue one): MONEY_DEBT, DUE, "
            + "NO_DISPUTE, NO_COUNTER_OBLIGATION (counterObligation=true fails), SERVABLE_IN_CHINA (debtorInMainland, default judged from the "
            + "customer's region), each PASS or FAIL with the reason")
    PaymentOrderCheck.Result paymentOrderCheck(@RequestParam(required = false) String customer, @RequestParam(required = false) String invoiceNos,
            @RequestParam(required = false) Boolean counterObligation, @RequestParam(required = false) Boolean debtorInMainland) {
        List<String> nos = invoiceNos == null ? List.of() : Arrays.stream(invoiceNos.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return check.check(customer, nos, counterObligation, debtorInMainland);
    }

    @GetMapping("/api/legal-cases/hearings")
    @Operation(summary = "Hearings of open cases from a date (default today) on, by date and time")
    List<LegalCase.Hearing> hearings(@RequestParam(required = false) LocalDate from) {
        return cases.hearings(from);
    }

    @GetMapping("/api/legal-cases/{id}")
    @Operation(summary = "A legal case: claim, invoices, stages, deadlines with days left and their tasks, costs, recoveries")
    LegalCase get(@PathVariable long id) {
        return cases.get(id);
    }

    @PostMapping("/api/legal-cases/{id}/stages")
    @Operation(summary = "Record a stage (LEGAL, MANAGER, ADMIN): stage FILED|ACCEPTED|SERVED|HEARING|JUDGMENT|MEDIATION|EFFECTIVE|ENFORCEMENT_APPLIED, "
            + "date (not in the future except HEARING, not before FILED), time HH:mm and place (HEARING), servedOn and performBy (JUDGMENT, MEDIATION), "
            + "note. Deadlines become the owner's tasks; FILED, EFFECTIVE and a lawyer letter's SERVED reach the limitation clock")
    ResponseEntity<LegalCase> stage(@PathVariable long id, @RequestBody StageRequest r) {
        LegalCase c = stages.add(id, new LegalCaseStages.NewStage(LegalCaseRules.parse(CaseStage.class, "stage", r.stage()), r.date(), r.time(),
                r.place(), r.servedOn(), r.performBy(), r.note()));
        return ResponseEntity.created(URI.create("/api/legal-cases/" + id)).body(c);
    }

    @PostMapping("/api/legal-cases/{id}/costs")
    @Operation(summary = "Record a cost paid (LEGAL, MANAGER, ADMIN): category COURT_FEE|PRESERVATION_FEE|LAWYER_FEE|OTHER, date, amount, note")
    ResponseEntity<LegalCase> cost(@PathVariable long id, @RequestBody MoneyRequest r) {
        LegalCase c = money.addCost(id, new LegalCaseMoney.Entry(LegalCaseRules.parse(LegalCaseMoney.CostCategory.class, "category", r.category()),
                r.date(), r.amount(), r.note()));
        return ResponseEntity.created(URI.create("/api/legal-cases/" + id)).body(c);
    }

    @PostMapping("/api/legal-cases/{id}/recoveries")
    @Operation(summary = "Record an amount recovered from the debtor (LEGAL, MANAGER, ADMIN): date, amount, note; posted as a payment "
            + "(LC<id>-R<n>) allocated to the case's invoices oldest due first")
    ResponseEntity<LegalCase> recovery(@PathVariable long id, @RequestBody MoneyRequest r) {
        LegalCase c = money.addRecovery(id, new LegalCaseMoney.Entry(null, r.date(), r.amount(), r.note()));
        return ResponseEntity.created(URI.create("/api/legal-cases/" + id)).body(c);
    }

    @PostMapping("/api/legal-cases/{id}/close")
    @Operation(summary = "Close a case (LEGAL, MANAGER, ADMIN): date, outcome WON|PARTLY_WON|LOST|MEDIATED|SETTLED|WITHDRAWN, note; its invoices return "
            + "to the strategy, the limitation clock restarts")
    LegalCase close(@PathVariable long id, @RequestBody CloseRequest r) {
        return stages.close(id, new LegalCaseStages.Closing(r.date(), LegalCaseRules.parse(CaseOutcome.class, "outcome", r.outcome()), r.note()));
    }
}
