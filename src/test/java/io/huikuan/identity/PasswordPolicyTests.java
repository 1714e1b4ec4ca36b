package io.huikuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/** Each refused password names the field and the rule it breaks; good passwords pass. */
class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    private FieldError refusal(String username, String password) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> policy.check("password", username, password));
        assertThat(e).as("'%s' should be refused", password).isNotNull();
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).field()).isEqualTo("password");
        return e.errors().get(0);
    }

    @Test
    void tooShortPasswordsAreRefusedWithTheLength() {
        FieldError e = refusal("zhang.wei", "Xq7!kp2#a");
        assertThat(e.code()).isEqualTo("password.tooShort");
        assertThat(e.message()).isEqualTo("at least 10 characters");
        assertThat(e.args()).containsExactly(10);
        assertThat(refusal("zhang.wei", "").code()).isEqualTo("required");
        assertThat(refusal("zhang.wei", null).code()).isEqualTo("required");
    }

    @Test
    void thePasswordMayNotBeOrContainTheUsername() {
        assertThat(refusal("collector1", "collector1").code()).isEqualTo("password.username");
        assertThat(refusal("collector1", "My-COLLECTOR1-pass").message()).isEqualTo("must not be or contain the username");
    }

    @Test
    void commonPasswordsAreRefusedIgnoringCase() {
        for (String common : new String[] {"password123", "Password123!", "qwertyuiop", "1234567890", "woaini1314", "iloveyou2026",
                "administrator", "1qaz2wsx3edc", "huikuan123456"}) {
            assertThat(refusal("zhang.wei", common).code()).as(common).isEqualTo("password.common");
        }
        assertThat(policy.isCommon("QWERTYUIOP")).isTrue();
    }

    @Test
    void passwordsLongerThanTheHashTakesAreRefused() {
        assertThat(refusal("zhang.wei", "a-long-passphrase-".repeat(5)).code()).isEqualTo("password.tooLong");
        // 24 Chinese characters are 72 bytes in UTF-8: just fits
        assertThatCode(() -> policy.check("password", "zhang.wei", "应收账款催收管理系统的登录密码要足够长才安全可靠")).doesNotThrowAnyException();
    }

    @Test
    void aLongUncommonPasswordPasses() {
        assertThatCode(() -> policy.check("password", "zhang.wei", "Rivers-Of-Ink-42")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "li", "lighthouse-keeper")).doesNotThrowAnyException(); // a 2-letter name may occur
    }

    @Test
    void theListHoldsAboutAThousandPasswordsAllRefused() throws Exception {
        try (var in = PasswordPolicy.class.getClassLoader().getResourceAsStream("identity/common-passwords.txt")) {
            var lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(1000).doesNotHaveDuplicates();
            assertThat(lines).allSatisfy(p -> assertThat(policy.isCommon(p)).isTrue());
        }
    }
}
