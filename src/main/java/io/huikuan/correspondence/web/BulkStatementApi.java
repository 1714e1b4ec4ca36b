package io.huikuan.correspondence.web;

import io.huikuan.correspondence.BulkStatements;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Statements for several customers at once (issue 12, item 12). */
@RestController
class BulkStatementApi {

    record BulkStatementRequest(List<String> customerCodes, LocalDate from, LocalDate to) {
    }

    private final BulkStatements bulk;

    BulkStatementApi(BulkStatements bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/statements")
    @Operation(summary = "Issue one statement PDF per customer for one period (from default 1 January, to default today), all or none: "
            + "{issued, from, to, documents:[{number, customerCode}]}; unknown customers or customers not yours are named (400)")
    Map<String, Object> issue(@RequestBody BulkStatementRequest body) {
        BulkStatements.Issued issued = bulk.issue(body.customerCodes(), body.from(), body.to());
        return Map.of("issued", issued.documents().size(), "from", issued.from(), "to", issued.to(), "documents",
                issued.documents().stream().map(d -> Map.of("number", d.number(), "customerCode", d.customerCode())).toList());
    }
}
