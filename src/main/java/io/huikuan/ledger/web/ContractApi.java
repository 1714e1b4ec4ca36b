package io.huikuan.ledger.web;

import io.huikuan.ledger.Contract;
import io.huikuan.ledger.ContractService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contracts with payment terms and late-payment clauses. */
@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts")
class ContractApi {

    private final ContractService contracts;

    ContractApi(ContractService contracts) {
        this.contracts = contracts;
    }

    @GetMapping("/{number}")
    Contract get(@PathVariable String number) {
        return contracts.get(number);
    }

    @PostMapping
    ResponseEntity<Contract> create(@RequestBody Contract contract, @RequestParam(required = false) String reason) {
        Contract created = contracts.create(contract, reason);
        return ResponseEntity.created(URI.create("/api/contracts/" + created.contractNo())).body(created);
    }
}
