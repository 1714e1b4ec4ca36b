package io.huikuan.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A user as others may see it (never the password hash). {@code team}: for team collection targets;
 * {@code signatoryName}/{@code signatoryTitle}: how letters sign for this user (null: not set);
 * {@code passwordChangeRequired}: after an administrator's reset, until the user sets their own.
 */
public record UserAccount(long id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt, String team,
        String signatoryName, String signatoryTitle, boolean passwordChangeRequired) {
}
