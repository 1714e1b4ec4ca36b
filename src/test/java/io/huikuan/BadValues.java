package io.huikuan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad values of {@link BadInputBehaviour}: from one request that would be accepted, every request with one of its
 * values replaced by what a careless client or an attacker sends (by the value's kind: text, date, number, constant),
 * and the field each answer must name.
 */
final class BadValues {

    private BadValues() {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Text values every text field refuses. */
    private static final Map<String, String> BAD_TEXT = new LinkedHashMap<>();
    private static final String LONGEST_TEXT = "长".repeat(20_000);
    /** Dates every date field refuses. */
    private static final Map<String, String> BAD_DATES = new LinkedHashMap<>();

    static {
        BAD_TEXT.put("a NUL byte", "abc\u0000def");
        BAD_TEXT.put("100,000 characters", "长".repeat(100_000));
        // the most any text may hold, yet more than nearly every column: each field's own limit is checked before the database
        BAD_TEXT.put("20,000 characters", LONGEST_TEXT);
        BAD_DATES.put("the year 999,999,999", "+999999999-12-31");
        BAD_DATES.put("the year -999,999,999", "-999999999-01-01");
        BAD_DATES.put("the day before 1900", "1899-12-31");
        BAD_DATES.put("the day after 2999", "3000-01-01");
    }

    /** One API call that would succeed: body JSON (or null) and query parameters; {@code negative}: number fields that refuse values below 0. */
    record Call(HttpMethod method, String path, String body, Map<String, String> params, Set<String> negative, Set<String> free,
            Set<String> roomy) {

        static Call json(HttpMethod method, String path, String body, String... negative) {
            return new Call(method, path, body, Map.of(), Set.of(negative), Set.of("code"), Set.of());
        }

        static Call query(HttpMethod method, String path, Map<String, String> params) {
            return new Call(method, path, null, params, Set.of(), Set.of(), Set.of());
        }

        /** Fields whose CAPITALS are no enum constant (a free code), or whose unknown constant the call answers in its result (a preview). */
        Call free(String... fields) {
            return new Call(method, path, body, params, negative, Set.of(fields), roomy);
        }

        /**
         * Fields where 20,000 characters (the most any text may hold) are no error: the field may be that long, the path
         * names the record instead, or the call looks the value up (an unknown customer or task answers 404) or answers
         * its findings in its result (a preview).
         */
        Call roomy(String... fields) {
            return new Call(method, path, body, params, negative, free, Set.of(fields));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One bad request: the call with one value replaced, and the field the answer must name. */
    record Case(Call call, String field, String what, String body, Map<String, String> params) {
    }

    /** The bad requests made from one good call: each value in turn replaced by each bad value of its kind. */
    static List<Case> cases(Call call) {
        List<Case> cases = new ArrayList<>();
        if (call.body() != null) {
            cases.add(new Case(call, "body", "not JSON", call.body().substring(0, call.body().length() / 2), Map.of()));
            JsonNode tree = JSON.readTree(call.body());
            for (Leaf leaf : leaves(tree, "")) {
                for (Map.Entry<String, JsonNode> bad : badValues(leaf, call.negative(), !call.free().contains(leaf.name()), !call.roomy().contains(leaf.name())).entrySet()) {
                    cases.add(new Case(call, leaf.name(), bad.getKey(), replace(tree, leaf.path(), bad.getValue()).toString(), Map.of()));
                }
            }
        }
        call.params().forEach((name, good) -> {
            Leaf leaf = new Leaf(List.of(name), name, JSON.getNodeFactory().textNode(good));
            for (Map.Entry<String, JsonNode> bad : badValues(leaf, Set.of(), false, false).entrySet()) {
                Map<String, String> params = new TreeMap<>(call.params());
                params.put(name, bad.getValue().isString() ? bad.getValue().asString() : bad.getValue().toString());
                cases.add(new Case(call, name, bad.getKey(), null, params));
            }
        });
        return cases;
    }

    /** A value of a body: where it is (names and indexes) and the field's name. */
    record Leaf(List<Object> path, String name, JsonNode value) {
    }

    static List<Leaf> leaves(JsonNode node, String name) {
        List<Leaf> leaves = new ArrayList<>();
        collect(node, new ArrayList<>(), name, leaves);
        return leaves;
    }

    private static void collect(JsonNode node, List<Object> path, String name, List<Leaf> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                List<Object> p = new ArrayList<>(path);
                p.add(e.getKey());
                collect(e.getValue(), p, e.getKey(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                collect(node.get(i), p, name, into);
            }
        } else if (node.isString() || node.isNumber()) {
            into.add(new Leaf(path, name, node));
        }
    }

    static Map<String, JsonNode> badValues(Leaf leaf, Set<String> negative, boolean constants, boolean limited) {
        var f = JSON.getNodeFactory();
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        if (leaf.value().isNumber() || (leaf.value().isString() && leaf.value().asString().matches("-?\\d+(\\.\\d+)?"))) {
            bad.put("a huge number", leaf.value().isString() ? f.textNode("9".repeat(40)) : f.numberNode(new java.math.BigInteger("9".repeat(40))));
            if (negative.contains(leaf.name())) {
                bad.put("a negative number", leaf.value().isString() ? f.textNode("-1") : f.numberNode(-1));
            }
            return bad;
        }
        String text = leaf.value().asString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            BAD_DATES.forEach((what, value) -> bad.put(what, f.textNode(value)));
            return bad;
        }
        BAD_TEXT.forEach((what, value) -> {
            if (limited || !value.equals(LONGEST_TEXT)) {
                bad.put(what, f.textNode(value));
            }
        });
        if (constants && text.matches("[A-Z][A-Z_]+")) {
            bad.put("an unknown constant", f.textNode("NO_SUCH_CONSTANT"));
        }
        return bad;
    }

    private static JsonNode replace(JsonNode tree, List<Object> path, JsonNode value) {
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer n ? parent.get(n) : parent.get((String) path.get(i));
        }
        Object last = path.getLast();
        if (last instanceof Integer n) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(n, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }
}
