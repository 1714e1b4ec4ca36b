package io.huikuan.support;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import java.util.EnumSet;
import java.util.Set;

/** Test helpers for users. */
public final class Api {

    private Api() {
    }

    /** Creates the user (password = username) unless it exists. */
    public static void user(UserDirectory users, String username, Role... roles) {
        if (!users.exists(username)) {
            Set<Role> set = EnumSet.noneOf(Role.class);
            set.addAll(java.util.List.of(roles));
            users.create(username, username, username, set);
        }
    }
}
