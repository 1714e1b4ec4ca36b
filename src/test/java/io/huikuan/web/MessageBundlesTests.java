package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.Contact;
import io.huikuan.identity.Role;
import io.huikuan.ledger.LateClause;
import io.huikuan.ledger.OverdueCause;
import io.huikuan.ledger.OverdueNature;
import io.huikuan.ledger.PaymentMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UI speaks Chinese and English completely: the bundles have the same keys, no empty text,
 * valid placeholders, and every key a template or an enum label needs.
 */
class MessageBundlesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    /** String literals shaped like bundle keys ("customer.created") in the page controllers and form helpers. */
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][A-Za-z0-9]*\\.[A-Za-z0-9_.]*[A-Za-z0-9])\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    /** The bundles named by {@code spring.messages.basename}: the main one and one per part of correspondence. */
    static final List<String> BASENAMES = List.of("messages", "messages-outbox", "messages-templates", "messages-letters", "messages-limitation", "messages-holds", "messages-negotiation", "messages-credit", "messages-portal", "messages-insight");

    private final Properties base = load("");
    private final Properties zh = load("_zh_CN");
    private final Properties en = load("_en");

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys of messages_en vs messages_zh_CN")
                .containsExactlyElementsOf(new TreeSet<>(zh.stringPropertyNames()));
        assertThat(new TreeSet<>(base.stringPropertyNames())).as("keys of messages (default) vs messages_zh_CN")
                .containsExactlyElementsOf(new TreeSet<>(zh.stringPropertyNames()));
    }

    @Test
    void theDefaultBundleIsChinese() {
        for (String key : zh.stringPropertyNames()) {
            assertThat(base.getProperty(key)).as(key).isEqualTo(zh.getProperty(key));
        }
        assertThat(base.getProperty("nav.customers")).isEqualTo("客户");
    }

    @Test
    void noTextIsEmptyAndPlaceholdersMatch() {
        for (String key : zh.stringPropertyNames()) {
            String z = zh.getProperty(key);
            String e = en.getProperty(key, "");
            assertThat(z).as("zh_CN " + key).isNotBlank();
            assertThat(e).as("en " + key).isNotBlank();
            assertThat(placeholders(e)).as("placeholders of " + key).isEqualTo(placeholders(z));
            if (!placeholders(z).isEmpty()) {
                new MessageFormat(z);
                new MessageFormat(e);
                assertThat(e).as("an apostrophe in a message with arguments must be doubled: " + key).doesNotContainPattern("(?<!')'(?!')");
            }
        }
    }

    @Test
    void everyKeyTheTemplatesAndPagesUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        scan(Paths.get("src/main/resources/templates"), ".html", TEMPLATE_KEY, used);
        scan(Paths.get("src/main/java/io/huikuan"), "Pages.java", JAVA_KEY, used);
        scan(Paths.get("src/main/java/io/huikuan/common/web"), "FormErrors.java", JAVA_KEY, used);
        for (Role r : Role.values()) {
            used.add("role." + r);
        }
        for (PaymentMethod m : PaymentMethod.values()) {
            used.add("method." + m);
        }
        for (OverdueCause c : OverdueCause.values()) {
            used.add("cause." + c);
        }
        for (OverdueNature n : OverdueNature.values()) {
            used.add("nature." + n);
        }
        for (Contact.ContactRole r : Contact.ContactRole.values()) {
            used.add("contactRole." + r);
        }
        for (Contact.Channel c : Contact.Channel.values()) {
            used.add("channel." + c);
        }
        for (LateClause l : LateClause.values()) {
            used.add("lateClause." + l);
        }
        for (String status : new String[] {"OPEN", "OVERDUE", "PAID"}) {
            used.add("status." + status);
        }
        for (String action : new String[] {"CREATE", "UPDATE", "DELETE"}) {
            used.add("action." + action);
        }
        assertThat(used).as("keys used by the UI").hasSizeGreaterThan(200);
        assertThat(zh.stringPropertyNames()).as("keys missing from the bundles").containsAll(used);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static void scan(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    /** All bundles of one language merged; a key defined in two bundles fails (the first would silently win). */
    private static Properties load(String suffix) {
        Properties all = new Properties();
        for (String basename : BASENAMES) {
            String name = basename + suffix + ".properties";
            Properties p = new Properties();
            try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
                assertThat(in).as(name + " on the classpath").isNotNull();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (String key : p.stringPropertyNames()) {
                assertThat(all.containsKey(key)).as(key + " is defined again in " + name).isFalse();
                all.setProperty(key, p.getProperty(key));
            }
        }
        return all;
    }
}
