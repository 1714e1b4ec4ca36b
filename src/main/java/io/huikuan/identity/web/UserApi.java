package io.huikuan.identity.web;

import io.huikuan.identity.ApiTokens;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
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
import org.springframework.web.bind.annotation.RestController;

/** Users (administrators manage them) and API tokens (each user issues their own). */
@RestController
@Tag(name = "Users")
class UserApi {

    private final UserDirectory users;
    private final ApiTokens tokens;

    UserApi(UserDirectory users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
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

    record TokenRequest(String name) {
    }

    @PostMapping("/api/tokens")
    @Operation(summary = "Issue an API token for yourself; it is shown once (use: Authorization: Bearer hk_...)")
    ResponseEntity<Map<String, String>> token(@RequestBody(required = false) TokenRequest r) {
        String token = tokens.issue(CurrentUser.get().username(), r == null ? null : r.name());
        return ResponseEntity.status(201).body(Map.of("token", token));
    }
}
