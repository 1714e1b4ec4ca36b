package io.huikuan.common;

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

    /** The arguments that are not {@code --options}. */
    public static List<String> words(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
    }
}
