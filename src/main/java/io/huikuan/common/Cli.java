package io.huikuan.common;

import org.springframework.boot.ApplicationArguments;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The command line: {@code java -jar huikuan.jar COMMAND ARGS...} (options start with {@code --}). */
public final class Cli {

    public static final Set<String> COMMANDS = Set.of("import", "export", "generate", "benchmark", "collection-run");

    private Cli() {
    }

    public static boolean isCommand(String[] args) {
        List<String> words = words(args);
        return !words.isEmpty() && COMMANDS.contains(words.get(0));
    }

    /** The last value of {@code --name=value}, trimmed; null when it is missing or blank. */
    public static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(values.size() - 1);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@link #option(ApplicationArguments, String)} or {@code fallback}. */
    public static String option(ApplicationArguments args, String name, String fallback) {
        String value = option(args, name);
        return value == null ? fallback : value;
    }

    /** True when the command line starts with these words ({@code benchmark aging}, {@code collection-run}). */
    public static boolean invokes(ApplicationArguments args, String... command) {
        List<String> words = words(args.getSourceArgs());
        return words.size() >= command.length && words.subList(0, command.length).equals(Arrays.asList(command));
    }

    /** The arguments that are not {@code --options}. */
    public static List<String> words(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
    }
}
