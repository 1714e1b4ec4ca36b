package io.huikuan.correspondence;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The default {@link Signatories}: no user has a signatory of their own, so letters are signed by the company
 * profile's signatory. To sign with the user's own one, read it here from identity's user model (correspondence
 * already depends on identity), e.g. {@code users.find(username).map(u -> new Signatory(u.signatoryName(), u.signatoryTitle()))}
 * when the name is not blank.
 */
@Component
class NoUserSignatories implements Signatories {

    @Override
    public Optional<Signatory> of(String username) {
        return Optional.empty();
    }
}
