package io.huikuan.identity.web;

import java.security.SecureRandom;

/** Temporary passwords for an administrator's reset: random, readable aloud, and long enough for the password policy. */
final class TemporaryPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/l/I: a temporary password is often read out or typed from a screen. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private TemporaryPasswords() {
    }

    /** Four groups of four characters, e.g. "k7dm-q2xe-9fha-wn3p" (about 79 bits). */
    static String next() {
        StringBuilder b = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
