package io.huikuan.correspondence;

import java.util.Optional;

/**
 * The name and title a user signs letters and messages with ("赵敏", "催收专员"), as opposed to their display
 * name in the application ("赵敏(华南/华北/西南/东北)"). Letters and messages use it when the user has one, else the
 * user's display name without that suffix, never the display name with its portfolio suffix.
 *
 * <p>The identity module keeps the signatory per user (columns {@code signatory_name}, {@code signatory_title}
 * of {@code app_user}); {@link UserSignatories} reads them.
 */
public interface Signatories {

    /** A signatory: the name printed under a letter and its job title (may be null). */
    record Signatory(String name, String title) {
    }

    /** The signatory of a user, if the user has one. */
    Optional<Signatory> of(String username);
}
