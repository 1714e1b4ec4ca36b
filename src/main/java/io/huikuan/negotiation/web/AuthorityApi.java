package io.huikuan.negotiation.web;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.negotiation.AuthorityLimits;
import io.huikuan.negotiation.AuthorityMatrix;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The authority matrix: who approves a concession or payment plan by amount. */
@RestController
@Tag(name = "Concessions")
class AuthorityApi {

    record LimitsRequest(BigDecimal collectorLimit, BigDecimal managerLimit) {
    }

    private final AuthorityMatrix matrix;

    AuthorityApi(AuthorityMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping("/api/negotiation/authority")
    @Operation(summary = "{collectorLimit, managerLimit, updatedBy, updatedAt}: up to collectorLimit a collector approves, up to managerLimit a "
            + "manager, above that a manager and finance")
    AuthorityLimits get() {
        CurrentUser.require("see the authority matrix", Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.LEGAL);
        return matrix.limits();
    }

    @PutMapping("/api/negotiation/authority")
    @Operation(summary = "Change the limits {collectorLimit, managerLimit} (MANAGER, ADMIN): both ≥ 0, two decimals, managerLimit ≥ collectorLimit")
    AuthorityLimits put(@RequestBody(required = false) LimitsRequest r) {
        return matrix.update(r == null ? null : r.collectorLimit(), r == null ? null : r.managerLimit());
    }
}
