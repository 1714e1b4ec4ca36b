package io.huikuan.identity;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: create, look up, list, enable or disable, change roles. Passwords are stored hashed and
 * follow the {@link PasswordPolicy}, except the demo users and test fixtures ({@link #seed}).
 * Disabling a user or changing their roles bumps their security version, which ends their sessions
 * on every node at their next request.
 */
@Service
public class UserDirectory {

    private static final String COLUMNS = "id, username, display_name, roles, enabled, created_at, team, signatory_name, signatory_title,"
            + " password_change_required";

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{2,64}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final PasswordPolicy policy;

    UserDirectory(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, PasswordPolicy policy) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.policy = policy;
    }

    @Transactional
    public UserAccount create(String username, String rawPassword, String displayName, Set<Role> roles) {
        CurrentUser.require("create users", Role.ADMIN);
        checkUsername(username);
        if (find(username).isPresent()) {
            throw new ConflictException("username", "user '" + username + "' already exists");
        }
        policy.check("password", username, rawPassword);
        return insert(username, rawPassword, displayName, roles);
    }

    /**
     * Creates a user whose password need not follow the policy: the demo users with their documented
     * demo passwords (only when demo data is loaded) and test fixtures. Nothing else may call it.
     */
    @Transactional
    public UserAccount seed(String username, String rawPassword, String displayName, Set<Role> roles) {
        CurrentUser.require("create users", Role.ADMIN);
        checkUsername(username);
        if (rawPassword == null || rawPassword.isEmpty()) {
            throw new ValidationException("password", null, "required");
        }
        return insert(username, rawPassword, displayName, roles);
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ValidationException("username", username, "2-64 letters, digits, '.', '_' or '-'");
        }
        if (CurrentUser.RESERVED_NAMES.contains(username.toLowerCase(java.util.Locale.ROOT))) {
            throw new ValidationException("username", username, "reserved for the system's own principals");
        }
    }

    private UserAccount insert(String username, String rawPassword, String displayName, Set<Role> roles) {
        if (displayName != null && displayName.length() > 200) {
            throw ValidationException.coded("displayName", displayName.length() + " characters", "text.tooLong", "at most 200 characters", 200);
        }
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", roles, "at least one role");
        }
        if (find(username).isPresent()) {
            throw new ConflictException("username", "user '" + username + "' already exists");
        }
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, roles, enabled, created_at) VALUES (?,?,?,?,TRUE,?)")
                .params(username, encoder.encode(rawPassword), displayName == null || displayName.isBlank() ? username : displayName,
                        roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), java.sql.Timestamp.from(Instant.now(clock)))
                .update();
        return find(username).orElseThrow();
    }

    /** Enables or disables a user (a disabled user cannot log in, nor use API tokens). Administrators only. */
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        CurrentUser me = CurrentUser.require("enable or disable users", Role.ADMIN);
        if (!enabled && me.username().equals(username)) {
            throw new ValidationException("username", username, "you cannot disable yourself");
        }
        int n = jdbc.sql("UPDATE app_user SET enabled = ?, security_version = security_version + 1 WHERE username = ?")
                .params(enabled, username).update();
        if (n == 0) {
            throw new io.huikuan.common.NotFoundException("user", username);
        }
        return find(username).orElseThrow();
    }

    /**
     * Gives a user exactly these roles, ending their sessions (their next request logs them out).
     * Administrators only; an administrator cannot take the ADMIN role from themselves.
     */
    @Transactional
    public UserAccount setRoles(String username, Set<Role> roles) {
        CurrentUser me = CurrentUser.require("change users' roles", Role.ADMIN);
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", roles, "at least one role");
        }
        if (me.username().equals(username) && !roles.contains(Role.ADMIN)) {
            throw new ValidationException("roles", roles, "you cannot take the ADMIN role from yourself");
        }
        int n = jdbc.sql("UPDATE app_user SET roles = ?, security_version = security_version + 1 WHERE username = ?")
                .params(roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), username).update();
        if (n == 0) {
            throw new io.huikuan.common.NotFoundException("user", username);
        }
        return find(username).orElseThrow();
    }

    /** Puts a user in a team (for team collection targets) or, with a blank team, in none. Administrators and managers. */
    @Transactional
    public void setTeam(String username, String team) {
        CurrentUser.require("set users' teams", Role.ADMIN, Role.MANAGER);
        String t = team == null || team.isBlank() ? null : team.trim();
        if (t != null && !t.matches("[\\p{L}\\p{N} ._-]{1,64}")) {
            throw ValidationException.coded("team", team, "team.pattern", "1-64 letters, digits, spaces, '.', '_' or '-'");
        }
        if (jdbc.sql("UPDATE app_user SET team = ? WHERE username = ?").params(t, username).update() == 0) {
            throw new io.huikuan.common.NotFoundException("user", username);
        }
    }

    /** What an administrator edits about a user besides roles, state and password. Null leaves a field as it is. */
    public record Profile(String displayName, String team, String signatoryName, String signatoryTitle) {
    }

    /**
     * Changes a user's display name, team and signatory (name and title letters print). Administrators
     * only (managers may set teams with {@link #setTeam}); a blank signatory field clears it.
     */
    @Transactional
    public UserAccount updateProfile(String username, Profile p) {
        CurrentUser.require("change users' details", Role.ADMIN);
        UserAccount current = find(username).orElseThrow(() -> new io.huikuan.common.NotFoundException("user", username));
        if (p == null) {
            throw new ValidationException("displayName", null, "required");
        }
        List<ValidationException.FieldError> errors = new java.util.ArrayList<>();
        for (String[] f : new String[][] {{"displayName", p.displayName()}, {"team", p.team()}, {"signatoryName", p.signatoryName()},
                {"signatoryTitle", p.signatoryTitle()}}) {
            io.huikuan.common.InputRules.textRule(f[0], f[1]).ifPresent(errors::add);
        }
        if (errors.isEmpty()) {
            io.huikuan.common.InputRules.length(errors, "displayName", p.displayName(), 200);
            io.huikuan.common.InputRules.length(errors, "signatoryName", p.signatoryName(), 100);
            io.huikuan.common.InputRules.length(errors, "signatoryTitle", p.signatoryTitle(), 100);
            if (p.displayName() != null && p.displayName().isBlank()) {
                errors.add(ValidationException.FieldError.coded("displayName", p.displayName(), "required", "required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (p.team() != null) {
            setTeam(username, p.team());
        }
        jdbc.sql("UPDATE app_user SET display_name = ?, signatory_name = ?, signatory_title = ? WHERE username = ?")
                .params(p.displayName() == null ? current.displayName() : p.displayName().trim(),
                        p.signatoryName() == null ? current.signatoryName() : blankToNull(p.signatoryName()),
                        p.signatoryTitle() == null ? current.signatoryTitle() : blankToNull(p.signatoryTitle()), username)
                .update();
        return find(username).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The user's team, if any. */
    public Optional<String> team(String username) {
        return jdbc.sql("SELECT team FROM app_user WHERE username = ?").param(username).query(String.class).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** True when the user exists, is enabled and has exactly this password (e.g. a demo user still on its demo password). */
    public boolean passwordMatches(String username, String rawPassword) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE").param(username)
                .query(String.class).optional().map(hash -> encoder.matches(rawPassword, hash)).orElse(false);
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")
                .param(username).query(UserDirectory::map).optional();
    }

    public List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .query(UserDirectory::map).list();
    }

    public boolean exists(String username) {
        return username != null && find(username).isPresent();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    /** Users holding the role, e.g. every collector (for portfolio assignment). */
    public List<UserAccount> withRole(Role role) {
        return all().stream().filter(u -> u.roles().contains(role)).toList();
    }

    static Set<Role> parseRoles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> roles.add(Role.valueOf(s)));
        return roles;
    }

    private static UserAccount map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                parseRoles(rs.getString("roles")), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("team"), rs.getString("signatory_name"),
                rs.getString("signatory_title"), rs.getBoolean("password_change_required"));
    }
}
