package io.huikuan.identity.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A logged-in user as Spring Security keeps them: with the account's security version at login (a
 * session whose version no longer matches the stored one has ended, see {@link AccountStateFilter})
 * and whether an administrator's reset requires a new password first.
 */
final class AccountDetails extends User {

    private final long securityVersion;
    private final boolean passwordChangeRequired;

    AccountDetails(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
            long securityVersion, boolean passwordChangeRequired) {
        super(username, password, enabled, true, true, true, authorities);
        this.securityVersion = securityVersion;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    long securityVersion() {
        return securityVersion;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
