package io.huikuan.customer.web;

import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.customer.PersonalityType;
import io.huikuan.common.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer master data and contacts. The list with balances is {@code GET /api/customers} (ledger). */
@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
class CustomerApi {

    private final CustomerService customers;

    CustomerApi(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping("/{code}")
    @Operation(summary = "A customer with its contacts (404 outside the caller's portfolio)")
    Customer get(@PathVariable String code) {
        return customers.get(code);
    }

    @PostMapping
    @Operation(summary = "Create a customer; a collector's new customer is in their own portfolio")
    ResponseEntity<Customer> create(@RequestBody Customer customer, @RequestParam(required = false) String reason) {
        Customer created = customers.create(customer, reason);
        return ResponseEntity.created(URI.create("/api/customers/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Replace a customer's profile fields (contacts are separate); reason goes to the history")
    Customer update(@PathVariable String code, @RequestBody Customer customer, @RequestParam(required = false) String reason) {
        return customers.update(code, customer, reason);
    }

    @PostMapping("/{code}/contacts")
    ResponseEntity<Contact> addContact(@PathVariable String code, @RequestBody Contact contact, @RequestParam(required = false) String reason) {
        Contact created = customers.addContact(code, contact, reason);
        return ResponseEntity.created(URI.create("/api/customers/" + code + "/contacts/" + created.id())).body(created);
    }

    @PutMapping("/{code}/contacts/{id}")
    Contact updateContact(@PathVariable String code, @PathVariable long id, @RequestBody Contact contact,
            @RequestParam(required = false) String reason) {
        return customers.updateContact(code, id, contact, reason);
    }

    /** The body of a personality change: a {@link PersonalityType} name, or null to clear it. */
    record PersonalityRequest(String personalityType) {
    }

    @PutMapping("/{code}/contacts/{id}/personality")
    @Operation(summary = "Set a contact's personality type (DECISIVE|SOCIABLE|STEADY|ANALYTICAL) or clear it with null; "
            + "the script suggestions use it")
    Contact setPersonality(@PathVariable String code, @PathVariable long id, @RequestBody PersonalityRequest body) {
        String raw = body == null ? null : body.personalityType();
        PersonalityType type = null;
        if (raw != null && !raw.isBlank()) {
            try {
                type = PersonalityType.valueOf(raw.trim());
            } catch (IllegalArgumentException e) {
                throw new ValidationException("personalityType", raw, "one of " + Arrays.toString(PersonalityType.values()) + " or null");
            }
        }
        return customers.setPersonality(code, id, type);
    }

    @DeleteMapping("/{code}/contacts/{id}")
    ResponseEntity<Void> deleteContact(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String reason) {
        customers.deleteContact(code, id, reason);
        return ResponseEntity.noContent().build();
    }
}
