package io.huikuan.customer.web;

import io.huikuan.customer.CustomerFlags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A customer's flags (DISPUTER, MALICIOUS_DEFAULTER), which segments test. */
@RestController
@Tag(name = "Customers")
class CustomerFlagsApi {

    record FlagsRequest(List<String> flags, String reason) {
    }

    record FlagsAnswer(String customerCode, Set<String> flags) {
    }

    private final CustomerFlags flags;

    CustomerFlagsApi(CustomerFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/api/customers/{code}/flags")
    FlagsAnswer get(@PathVariable String code) {
        return new FlagsAnswer(code, flags.get(code));
    }

    @PutMapping("/api/customers/{code}/flags")
    @Operation(summary = "Replace a customer's flags (MANAGER, LEGAL or ADMIN; reason required, kept in the history)")
    FlagsAnswer set(@PathVariable String code, @RequestBody FlagsRequest r) {
        return new FlagsAnswer(code, flags.set(code, r.flags(), r.reason()));
    }
}
