package io.huikuan.worklist;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import java.util.List;
import java.util.Optional;

/** The {@code customerCode} field of a request, checked as promises and plans need it. */
final class CustomerField {

    private CustomerField() {
    }

    /**
     * The customer named by {@code code}: a missing or unknown code adds an error on {@code customerCode}
     * (and answers null); a customer outside the user's portfolio is a 404, as everywhere else.
     */
    static CustomerRef check(CustomerService customers, CurrentUser user, String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(FieldError.coded("customerCode", code, "required", "required"));
            return null;
        }
        Optional<CustomerRef> found = customers.findRef(code.trim());
        if (found.isEmpty()) {
            errors.add(FieldError.coded("customerCode", code, "unknownCustomer", "unknown customer"));
            return null;
        }
        if (!user.mayAccess(found.get().owner())) {
            throw new NotFoundException("customer", code);
        }
        return found.get();
    }
}
