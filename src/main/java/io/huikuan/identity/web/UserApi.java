package io.huikuan.identity.web;

import io.huikuan.identity.ApiTokens;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.LoginFailures;
import io.huikuan.identity.LoginFailures.LoginFailure;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.identity.UserPasswords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users (administrators manage them) and API tokens (each user issues their own). */
@RestController
@Tag(name = "Users")
class UserApi {

    private final UserDirectory users;
    private final ApiTokens tokens;
    private final UserPasswords passwords;
    private final LoginFailures failures;

    UserApi(UserDirectory users, ApiTokens tokens, UserPasswords passwords, LoginFailures failures) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.failures = failures;
    }

    @GetMapping("/api/me")
    Map<String, Object> me() {
        CurrentUser me = CurrentUser.get();
        return Map.of("username", me.username(), "roles", me.roles(), "portfolioOnly", me.portfolioOnly());
    }

    @GetMapping("/api/users")
    List<UserAccount> list() {
        CurrentUser.require("list users", Role.MANAGER);
        return users.all();
    }

    record NewUser(String username, String password, String displayName, Set<Role> roles) {
    }

    @PostMapping("/api/users")
    ResponseEntity<UserAccount> create(@RequestBody NewUser u) {
        CurrentUser.require("create users", Role.ADMIN);
        UserAccount created = users.create(u.username(), u.password(), u.displayName(), u.roles());
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    record TeamRequest(String team) {
    }

    @PutMapping("/api/users/{username}/team")
    @Operation(summary = "Put a user in a team for team collection targets (ADMIN or MANAGER); a blank team removes it")
    Map<String, Object> team(@PathVariable String username, @RequestBody TeamRequest r) {
        users.setTeam(username, r == null ? null : r.team());
        return java.util.Collections.singletonMap("team", users.team(username).orElse(null));
    }

    record ProfileRequest(String displayName, String team, String signatoryName, String signatoryTitle) {
    }

    @PutMapping("/api/users/{username}/profile")
    @Operation(summary = "Change a user's display name, team and signatory name and title for letters (ADMIN); a field left out is kept, a blank one cleared")
    UserAccount profile(@PathVariable String username, @RequestBody ProfileRequest r) {
        return users.updateProfile(username, r == null ? null
                : new UserDirectory.Profile(r.displayName(), r.team(), r.signatoryName(), r.signatoryTitle()));
    }

    record RolesRequest(Set<Role> roles) {
    }

    @PutMapping("/api/users/{username}/roles")
    @Operation(summary = "Give a user exactly these roles (ADMIN); their sessions end")
    UserAccount roles(@PathVariable String username, @RequestBody RolesRequest r) {
        return users.setRoles(username, r == null ? null : r.roles());
    }

    record EnabledRequest(Boolean enabled) {
    }

    @PutMapping("/api/users/{username}/enabled")
    @Operation(summary = "Enable or disable a user (ADMIN); a disabled user's sessions and API tokens stop working")
    UserAccount enabled(@PathVariable String username, @RequestBody EnabledRequest r) {
        CurrentUser.require("enable or disable users", Role.ADMIN);
        if (r == null || r.enabled() == null) {
            throw new io.huikuan.common.ValidationException("enabled", null, "required: true or false");
        }
        return users.setEnabled(username, r.enabled());
    }

    record ResetRequest(String password) {
    }

    @PostMapping("/api/users/{username}/password")
    @Operation(summary = "Reset a user's password (ADMIN); the user must change it at the next login, their sessions end")
    ResponseEntity<Void> reset(@PathVariable String username, @RequestBody ResetRequest r) {
        passwords.reset(username, r == null ? null : r.password());
        return ResponseEntity.noContent().build();
    }

    record ChangeRequest(String currentPassword, String newPassword) {
    }

    @PostMapping("/api/me/password")
    @Operation(summary = "Change your own password (the current one is required); your other sessions end")
    ResponseEntity<Void> change(@RequestBody ChangeRequest r, jakarta.servlet.http.HttpServletRequest request) {
        passwords.changeOwn(r == null ? null : r.currentPassword(), r == null ? null : r.newPassword(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/login-failures")
    @Operation(summary = "The newest failed logins (ADMIN), optionally of one username or client address")
    List<LoginFailure> loginFailures(@RequestParam(required = false) String username, @RequestParam(required = false) String address,
            @RequestParam(defaultValue = "100") int limit) {
        return failures.recent(username, address, limit);
    }

    record TokenRequest(String name) {
    }

    @PostMapping("/api/tokens")
    @Operation(summary = "Issue an API token for yourself; it is shown once (use: Authorization: Bearer hk_...)")
    ResponseEntity<Map<String, String>> token(@RequestBody(required = false) TokenRequest r) {
        String token = tokens.issue(CurrentUser.get().username(), r == null ? null : r.name());
        return ResponseEntity.status(201).body(Map.of("token", token));
    }
}
