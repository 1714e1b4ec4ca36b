package io.huikuan.correspondence;

import io.huikuan.identity.UserDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link Signatories} from the users' own signatory name and title ({@code /admin/users}); none when the name is blank. */
@Component
class UserSignatories implements Signatories {

    private final UserDirectory users;

    UserSignatories(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Optional<Signatory> of(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return users.find(username)
                .filter(u -> u.signatoryName() != null && !u.signatoryName().isBlank())
                .map(u -> new Signatory(u.signatoryName().strip(), u.signatoryTitle()));
    }
}
