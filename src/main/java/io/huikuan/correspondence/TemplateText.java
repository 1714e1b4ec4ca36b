package io.huikuan.correspondence;

import io.huikuan.common.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The template syntax: literal text and {@code {{name}}} placeholders, nothing else (no logic), so a text is
 * checked completely when it is written. {@link #parse} splits a text into parts and lists every error with its
 * line: a {@code {{} never closed, a {@code }}} never opened, an unknown variable (with the closest known name).
 * The parts are complete even with errors (stray braces stay literal text, an unknown variable renders empty), so
 * rendering a saved text never fails.
 */
final class TemplateText {

    /** A literal text ({@code variable} null) or a placeholder ({@code variable} set), on a 1-based line. */
    record Part(String text, String variable, int line) {
    }

    /** The parts of a text and its errors (for field {@code field}). */
    record Parsed(List<Part> parts, List<FieldError> errors) {
    }

    private TemplateText() {
    }

    static Parsed parse(String field, String text) {
        List<Part> parts = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        if (text == null) {
            return new Parsed(parts, errors);
        }
        int i = 0;
        int literalFrom = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            int close = text.indexOf("}}", i);
            if (close >= 0 && (open < 0 || close < open)) {
                int line = line(text, close);
                errors.add(FieldError.coded(field, "}}", "template.unopened", "'}}' on line " + line + " has no opening '{{'", line, "}}", "{{"));
                i = close + 2;
                continue;
            }
            if (open < 0) {
                break;
            }
            int end = text.indexOf("}}", open + 2);
            int nextOpen = text.indexOf("{{", open + 2);
            int newline = text.indexOf('\n', open + 2);
            int line = line(text, open);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end) || (newline >= 0 && newline < end)) {
                String shown = text.substring(open, Math.min(text.length(), open + 20)).split("\n", 2)[0];
                errors.add(FieldError.coded(field, shown, "template.unclosed", "'{{' on line " + line + " is not closed with '}}'", line, "{{", "}}"));
                i = open + 2;
                continue;
            }
            String name = text.substring(open + 2, end).trim();
            if (!TemplateVariables.known(name)) {
                String closest = TemplateVariables.closest(name);
                errors.add(FieldError.coded(field, name, "template.unknown-variable", "unknown variable {{" + name + "}} on line " + line
                        + "; did you mean {{" + closest + "}}?", "{{" + name + "}}", line, "{{" + closest + "}}"));
            }
            if (open > literalFrom) {
                parts.add(new Part(text.substring(literalFrom, open), null, line(text, literalFrom)));
            }
            parts.add(new Part(null, name, line));
            i = end + 2;
            literalFrom = i;
        }
        if (literalFrom < text.length()) {
            parts.add(new Part(text.substring(literalFrom), null, line(text, literalFrom)));
        }
        return new Parsed(parts, errors);
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int k = 0; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
