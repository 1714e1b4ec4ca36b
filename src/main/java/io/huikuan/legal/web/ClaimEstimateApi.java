package io.huikuan.legal.web;

import io.huikuan.legal.ClaimEstimates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The claim of a case computed from the calculators, before it is opened. */
@RestController
@Tag(name = "Legal cases")
class ClaimEstimateApi {

    private final ClaimEstimates estimates;

    ClaimEstimateApi(ClaimEstimates estimates) {
        this.estimates = estimates;
    }

    @GetMapping("/api/legal-cases/claim-estimate")
    @Operation(summary = "Estimate a case's claim: customer (code), invoiceNos (comma list; default every invoice overdue on asOf), kind "
            + "LAWYER_LETTER|PAYMENT_ORDER|LAWSUIT|ARBITRATION|PRESERVATION|ENFORCEMENT, procedure ORDINARY|SUMMARY (lawsuits), asOf (default "
            + "today), basis DAILY_RATE (default, rate default 0.0005)|CONTRACT (annual rate)|LPR (markup) for invoices whose contract has no late "
            + "clause. Answers principal (open amounts), interest with per-invoice lines (invoiceNo, from, to, days, interest), courtFee "
            + "(null with courtFeeNote ARBITRATION, ENFORCEMENT or FOREIGN_CURRENCY when left to the user; NONE for a lawyer letter) and total")
    ClaimEstimates.Estimate estimate(@RequestParam(required = false) String customer, @RequestParam(required = false) String invoiceNos,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String basis,
            @RequestParam(required = false) String rate, @RequestParam(required = false) String markup) {
        return estimates.estimate(CalculatorParams.claim(customer, invoiceNos, kind, procedure, asOf, basis, rate, markup));
    }
}
