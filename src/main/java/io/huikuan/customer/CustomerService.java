package io.huikuan.customer;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and contacts. A collector sees and changes only customers they own; others see all.
 * Every change publishes {@link CustomerChanged} in the same transaction (for the history).
 */
@Service
public class CustomerService {

    /** A customer code: it appears in URLs, so no '/' (which servers refuse even when encoded). */
    public static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    public static final String CODE_RULE = "1-64 letters, digits, '.', '_' or '-'";
    public static final Pattern GRADE = Pattern.compile("[A-Z][A-Z0-9+-]{0,9}");
    public static final String GRADE_RULE = "a letter grade such as A, B, C, D, E";

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerService(JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The customer with contacts, if the current user may see it (404 otherwise). */
    public Customer get(String code) {
        CustomerRef ref = ref(code);
        return load(ref.id()).withContacts(contacts(ref.id()));
    }

    /** Id, name and owner, if the current user may see the customer (404 otherwise). */
    public CustomerRef ref(String code) {
        CustomerRef ref = findRef(code).orElseThrow(() -> new NotFoundException("customer", code));
        if (!CurrentUser.get().mayAccess(ref.owner())) {
            throw new NotFoundException("customer", code);
        }
        return ref;
    }

    /** Lookup without the portfolio check (for imports and jobs running as the system). */
    public Optional<CustomerRef> findRef(String code) {
        return jdbc.sql("SELECT id, code, name, owner FROM customer WHERE code = ?").param(code)
                .query((rs, n) -> new CustomerRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    @Transactional
    public Customer create(Customer c, String reason) {
        CurrentUser.require("create customers", Role.COLLECTOR, Role.FINANCE, Role.MANAGER);
        CurrentUser user = CurrentUser.get();
        Customer input = user.portfolioOnly() && c.owner() == null ? withOwner(c, user.username()) : c;
        validate(input, user);
        if (findRef(input.code()).isPresent()) {
            throw new ConflictException("code", "customer '" + input.code() + "' already exists");
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                INSERT INTO customer (code, name, credit_code, region, business_unit, industry, owner, credit_limit, credit_days, grade, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(input.code(), input.name().trim(), blankToNull(input.creditCode()), blankToNull(input.region()),
                        blankToNull(input.businessUnit()), blankToNull(input.industry()), blankToNull(input.owner()),
                        input.creditLimit(), input.creditDays(), blankToNull(input.grade()), Timestamp.from(now), Timestamp.from(now))
                .update();
        long id = findRef(input.code()).orElseThrow().id();
        List<Contact> contacts = input.contacts() == null ? List.of() : input.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            insertContact(id, contacts.get(i), "contacts[" + i + "]", now);
        }
        Customer created = get(input.code());
        events.publishEvent(new CustomerChanged(created.code(), "CUSTOMER", created.code(), "CREATE", null, created, user.username(), reason));
        return created;
    }

    /** Replaces the profile fields (contacts are managed separately). */
    @Transactional
    public Customer update(String code, Customer c, String reason) {
        CurrentUser.require("change customers", Role.COLLECTOR, Role.FINANCE, Role.MANAGER);
        CurrentUser user = CurrentUser.get();
        CustomerRef ref = ref(code);
        Customer before = load(ref.id());
        Customer input = new Customer(code, c.name(), c.creditCode(), c.region(), c.businessUnit(), c.industry(),
                c.owner() == null ? before.owner() : c.owner(), c.creditLimit(), c.creditDays(), c.grade(), List.of());
        validate(input, user);
        if (user.portfolioOnly() && !Objects.equals(input.owner(), before.owner())) {
            throw new ValidationException("owner", input.owner(), "only a manager may move a customer to another portfolio");
        }
        Customer after = input.withoutContacts();
        if (after.equals(before)) {
            return get(code);
        }
        jdbc.sql("""
                UPDATE customer SET name=?, credit_code=?, region=?, business_unit=?, industry=?, owner=?, credit_limit=?, credit_days=?, grade=?, updated_at=?
                WHERE id=?""")
                .params(after.name().trim(), blankToNull(after.creditCode()), blankToNull(after.region()), blankToNull(after.businessUnit()),
                        blankToNull(after.industry()), blankToNull(after.owner()), after.creditLimit(), after.creditDays(),
                        blankToNull(after.grade()), Timestamp.from(Instant.now(clock)), ref.id())
                .update();
        Customer stored = load(ref.id());
        events.publishEvent(new CustomerChanged(code, "CUSTOMER", code, "UPDATE", before, stored, user.username(), reason));
        return stored.withContacts(contacts(ref.id()));
    }

    @Transactional
    public Contact addContact(String code, Contact contact, String reason) {
        CurrentUser.require("change contacts", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        CustomerRef ref = ref(code);
        Contact stored = insertContact(ref.id(), contact, "contact", Instant.now(clock));
        events.publishEvent(new CustomerChanged(code, "CONTACT", String.valueOf(stored.id()), "CREATE", null, stored,
                CurrentUser.get().username(), reason));
        return stored;
    }

    @Transactional
    public Contact updateContact(String code, long contactId, Contact contact, String reason) {
        CurrentUser.require("change contacts", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        CustomerRef ref = ref(code);
        Contact before = contacts(ref.id()).stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new NotFoundException("contact", String.valueOf(contactId)));
        validateContact(contact, "contact");
        jdbc.sql("UPDATE contact SET name=?, role=?, title=?, phone=?, email=?, wechat=?, preferred_channel=? WHERE id=?")
                .params(contact.name().trim(), contact.role().name(), blankToNull(contact.title()), blankToNull(contact.phone()),
                        blankToNull(contact.email()), blankToNull(contact.wechat()),
                        contact.preferredChannel() == null ? null : contact.preferredChannel().name(), contactId)
                .update();
        Contact after = contacts(ref.id()).stream().filter(c -> c.id() == contactId).findFirst().orElseThrow();
        events.publishEvent(new CustomerChanged(code, "CONTACT", String.valueOf(contactId), "UPDATE", before, after,
                CurrentUser.get().username(), reason));
        return after;
    }

    @Transactional
    public void deleteContact(String code, long contactId, String reason) {
        CurrentUser.require("change contacts", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        CustomerRef ref = ref(code);
        Contact before = contacts(ref.id()).stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new NotFoundException("contact", String.valueOf(contactId)));
        jdbc.sql("DELETE FROM contact WHERE id = ?").param(contactId).update();
        events.publishEvent(new CustomerChanged(code, "CONTACT", String.valueOf(contactId), "DELETE", before, null,
                CurrentUser.get().username(), reason));
    }

    /**
     * Sets or clears (null) the personality type of a contact (性格类型), which the script suggestions use.
     * Anyone who may change contacts may set it; 404 outside the caller's portfolio or for another customer's contact.
     */
    @Transactional
    public Contact setPersonality(String code, long contactId, PersonalityType type) {
        CurrentUser.require("change contacts", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        CustomerRef ref = ref(code);
        Contact before = contacts(ref.id()).stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new NotFoundException("contact", String.valueOf(contactId)));
        if (before.personalityType() == type) {
            return before;
        }
        jdbc.sql("UPDATE contact SET personality_type = ? WHERE id = ?").params(type == null ? null : type.name(), contactId).update();
        Contact after = contacts(ref.id()).stream().filter(c -> c.id() == contactId).findFirst().orElseThrow();
        events.publishEvent(new CustomerChanged(code, "CONTACT", String.valueOf(contactId), "UPDATE", before, after,
                CurrentUser.get().username(), null));
        return after;
    }

    public List<Contact> contacts(long customerId) {
        return jdbc.sql("SELECT * FROM contact WHERE customer_id = ? ORDER BY id").param(customerId).query(CustomerService::mapContact).list();
    }

    private Contact insertContact(long customerId, Contact contact, String field, Instant now) {
        validateContact(contact, field);
        jdbc.sql("""
                INSERT INTO contact (customer_id, name, role, title, phone, email, wechat, preferred_channel, personality_type, created_at)
                VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(customerId, contact.name().trim(), contact.role().name(), blankToNull(contact.title()), blankToNull(contact.phone()),
                        blankToNull(contact.email()), blankToNull(contact.wechat()),
                        contact.preferredChannel() == null ? null : contact.preferredChannel().name(),
                        contact.personalityType() == null ? null : contact.personalityType().name(), Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT * FROM contact WHERE customer_id = ? ORDER BY id DESC").param(customerId)
                .query(CustomerService::mapContact).list().get(0);
    }

    private void validate(Customer c, CurrentUser user) {
        List<FieldError> errors = new ArrayList<>();
        if (c.code() == null || !CODE.matcher(c.code()).matches()) {
            errors.add(FieldError.coded("code", c.code(), "customerCode.pattern", "required; " + CODE_RULE));
        }
        InputRules.length(errors, "region", c.region(), 100);
        InputRules.length(errors, "businessUnit", c.businessUnit(), 100);
        InputRules.length(errors, "industry", c.industry(), 100);
        if (c.name() == null || c.name().isBlank() || c.name().length() > 300) {
            errors.add(FieldError.coded("name", c.name(), "name.required", "required, at most 300 characters"));
        }
        if (c.creditCode() != null && !c.creditCode().isBlank()) {
            String problem = CreditCode.problem(c.creditCode());
            if (problem != null) {
                errors.add(FieldError.coded("creditCode", c.creditCode(), "creditCode", "统一社会信用代码 " + problem, problem));
            }
        }
        if (c.owner() != null && !c.owner().isBlank() && !users.exists(c.owner())) {
            errors.add(FieldError.coded("owner", c.owner(), "owner.unknown", "no such user"));
        }
        if (user.portfolioOnly() && c.owner() != null && !c.owner().equals(user.username())) {
            errors.add(FieldError.coded("owner", c.owner(), "owner.ownPortfolio", "a collector may only add customers to their own portfolio"));
        }
        if (c.creditLimit() != null && c.creditLimit().signum() < 0) {
            errors.add(FieldError.coded("creditLimit", c.creditLimit(), "amount.negative", "must not be negative"));
        }
        if (c.creditLimit() != null && c.creditLimit().scale() > 2) {
            errors.add(FieldError.coded("creditLimit", c.creditLimit(), "amount.decimals", "at most 2 decimals"));
        } else if (c.creditLimit() != null && c.creditLimit().compareTo(InputRules.MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded("creditLimit", c.creditLimit(), "amount.tooLarge", "too large"));
        }
        if (c.creditDays() != null && (c.creditDays() < 0 || c.creditDays() > 3650)) {
            errors.add(FieldError.coded("creditDays", c.creditDays(), "days.range", "between 0 and 3650"));
        }
        if (c.grade() != null && !c.grade().isBlank() && !GRADE.matcher(c.grade()).matches()) {
            errors.add(FieldError.coded("grade", c.grade(), "grade.pattern", GRADE_RULE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void validateContact(Contact c, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            errors.add(FieldError.coded(field + ".name", c.name(), "required", "required"));
        }
        InputRules.length(errors, field + ".name", c.name(), 200);
        InputRules.length(errors, field + ".title", c.title(), 100);
        InputRules.length(errors, field + ".email", c.email(), 200);
        InputRules.length(errors, field + ".wechat", c.wechat(), 100);
        if (c.role() == null) {
            errors.add(new FieldError(field + ".role", null, "required: FINANCE, PURCHASING, DECISION_MAKER or OTHER"));
        }
        if (c.email() != null && !c.email().isBlank() && !c.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(FieldError.coded(field + ".email", c.email(), "email", "not an email address"));
        }
        if (c.phone() != null && !c.phone().isBlank() && !c.phone().matches("[+0-9 ()-]{5,30}")) {
            errors.add(FieldError.coded(field + ".phone", c.phone(), "phone", "digits, spaces, '+', '-', '(' and ')' only"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Customer load(long id) {
        return jdbc.sql("SELECT * FROM customer WHERE id = ?").param(id).query(CustomerService::mapCustomer).single();
    }

    private static Customer withOwner(Customer c, String owner) {
        return new Customer(c.code(), c.name(), c.creditCode(), c.region(), c.businessUnit(), c.industry(), owner,
                c.creditLimit(), c.creditDays(), c.grade(), c.contacts());
    }

    static Customer mapCustomer(ResultSet rs, int n) throws SQLException {
        BigDecimal limit = rs.getBigDecimal("credit_limit");
        int days = rs.getInt("credit_days");
        return new Customer(rs.getString("code"), rs.getString("name"), rs.getString("credit_code"), rs.getString("region"),
                rs.getString("business_unit"), rs.getString("industry"), rs.getString("owner"), limit,
                rs.wasNull() ? null : days, rs.getString("grade"), List.of());
    }

    static Contact mapContact(ResultSet rs, int n) throws SQLException {
        String channel = rs.getString("preferred_channel");
        String personality = rs.getString("personality_type");
        return new Contact(rs.getLong("id"), rs.getString("name"), Contact.ContactRole.valueOf(rs.getString("role")),
                rs.getString("title"), rs.getString("phone"), rs.getString("email"), rs.getString("wechat"),
                channel == null ? null : Contact.Channel.valueOf(channel), personality == null ? null : PersonalityType.valueOf(personality));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
