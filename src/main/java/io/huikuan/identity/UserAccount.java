package io.huikuan.identity;

import java.time.Instant;
import java.util.Set;

/** A user as others may see it (never the password hash). */
public record UserAccount(long id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {
}
