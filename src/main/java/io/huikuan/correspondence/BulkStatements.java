package io.huikuan.correspondence;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements for a selection of customers (issue 12, item 12): one {@link Documents#issueStatement} per customer for
 * one period (from omitted: the first of January of today's year; to omitted: today), all or none. Refused naming
 * {@code customerCodes} before anything is issued: an empty or too large selection, and customers that do not exist or
 * are not the user's to see (named).
 */
@Service
public class BulkStatements {

    /** At most this many customers at once (the largest page of the customer list). */
    public static final int MAX = 200;

    /** What was issued: the period and the documents. */
    public record Issued(LocalDate from, LocalDate to, List<Documents.Document> documents) {
    }

    private final Documents documents;
    private final CustomerService customers;
    private final Clock clock;

    BulkStatements(Documents documents, CustomerService customers, Clock clock) {
        this.documents = documents;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(List<String> customerCodes, LocalDate from, LocalDate to) {
        List<String> codes = customerCodes == null ? List.of()
                : customerCodes.stream().filter(Objects::nonNull).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        List<FieldError> errors = new ArrayList<>();
        if (codes.isEmpty()) {
            errors.add(FieldError.coded("customerCodes", null, "bulk.noCustomers", "at least one customer code"));
        } else if (codes.size() > MAX) {
            errors.add(FieldError.coded("customerCodes", codes.size(), "bulk.tooMany", "at most " + MAX + " customers at once", MAX));
        }
        for (String code : codes) {
            InputRules.textRule("customerCodes", code).ifPresent(errors::add);
            if (code.length() > 64) {
                errors.add(FieldError.coded("customerCodes", code.length() + " characters", "text.tooLong", "at most 64 characters", 64));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.subList(0, 1));
        }
        CurrentUser user = CurrentUser.get();
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            Optional<CustomerRef> ref = customers.findRef(code);
            if (ref.isEmpty() || !user.mayAccess(ref.get().owner())) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw ValidationException.coded("customerCodes", unknown, "bulk.unknownCustomers", "unknown customers: " + unknown,
                    String.join(", ", unknown));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        return new Issued(start, end, documents.issueStatements(codes, start, end));
    }
}
