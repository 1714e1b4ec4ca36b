package io.huikuan.portal.web;

import io.huikuan.portal.BalanceConfirmation;
import io.huikuan.portal.BalanceConfirmations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The debtor's balance confirmations for API clients. */
@RestController
@Tag(name = "Debtor portal")
class PortalConfirmationApi {

    private final BalanceConfirmations confirmations;

    PortalConfirmationApi(BalanceConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/api/customers/{code}/confirmations")
    @Operation(summary = "The customer's balance confirmations (对账确认) from the debtor portal, newest first: id, answer AGREE|DISAGREE, "
            + "amount (the statement's total), acknowledgedAmount, differences, name, title, confirmedAt, statementSha256, ip, userAgent, linkId")
    List<BalanceConfirmation> list(@PathVariable String code) {
        return confirmations.list(code);
    }
}
