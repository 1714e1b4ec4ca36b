package io.huikuan.worklist.web;

import io.huikuan.common.ValidationException;
import io.huikuan.worklist.Excuse;
import io.huikuan.customer.PersonalityType;
import io.huikuan.worklist.Script;
import io.huikuan.worklist.ScriptLibrary;
import io.huikuan.worklist.ScriptMethod;
import io.huikuan.worklist.ScriptStage;
import io.huikuan.worklist.Tone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The script library and its taxonomies (excuses, personality types) for API clients. */
@RestController
@Tag(name = "Scripts")
class ScriptApi {

    /** A script as a client writes it: enum names as text, so a bad one is named in the answer. */
    record ScriptRequest(String code, String stage, String excuse, String personality, String tone, String method, String titleZh,
            String titleEn, String textZh, String textEn, String whenZh, String whenEn) {
    }

    /** One entry of a taxonomy with its labels. */
    record Term(String name, String labelZh, String labelEn, String helpZh, String helpEn) {
    }

    private final ScriptLibrary library;
    private final MessageSource messages;

    ScriptApi(ScriptLibrary library, MessageSource messages) {
        this.library = library;
        this.messages = messages;
    }

    @GetMapping("/api/scripts")
    @Operation(summary = "Scripts, by code; filters stage (REMINDER|FOLLOW_UP|ESCALATION|FINAL), excuse and personality (scripts for "
            + "any excuse or personality included), tone, method, q (searches titles and texts)")
    List<Script> list(@RequestParam(required = false) String stage, @RequestParam(required = false) String excuse,
            @RequestParam(required = false) String personality, @RequestParam(required = false) String tone,
            @RequestParam(required = false) String method, @RequestParam(required = false) String q) {
        return library.list(new ScriptLibrary.Filter(parse(ScriptStage.class, "stage", stage), parse(Excuse.class, "excuse", excuse),
                parse(PersonalityType.class, "personality", personality), parse(Tone.class, "tone", tone),
                parse(ScriptMethod.class, "method", method), q));
    }

    @GetMapping("/api/scripts/suggest")
    @Operation(summary = "The scripts that fit an excuse and a contact's personality type at a stage, best first (at most limit, default 5); "
            + "a stage offers its own scripts and the previous stage's, never a REMINDER script once overdue nor a FINAL one before FINAL; "
            + "without an excuse only the scripts for any excuse")
    List<Script> suggest(@RequestParam(required = false) String excuse, @RequestParam(required = false) String personality,
            @RequestParam(required = false) String stage, @RequestParam(defaultValue = "5") int limit) {
        return library.suggest(parse(Excuse.class, "excuse", excuse), parse(PersonalityType.class, "personality", personality),
                parse(ScriptStage.class, "stage", stage), Math.clamp(limit, 1, 50));
    }

    @GetMapping("/api/scripts/{code}")
    Script get(@PathVariable String code) {
        return library.get(code);
    }

    @PostMapping("/api/scripts")
    @Operation(summary = "Add a script (MANAGER or ADMIN); texts are checked against the conduct rules' banned wording")
    ResponseEntity<Script> create(@RequestBody ScriptRequest r) {
        Script created = library.create(script(r.code(), r));
        return ResponseEntity.created(URI.create("/api/scripts/" + created.code())).body(created);
    }

    @PutMapping("/api/scripts/{code}")
    @Operation(summary = "Change a script (MANAGER or ADMIN): a new version")
    Script update(@PathVariable String code, @RequestBody ScriptRequest r) {
        return library.update(code, script(code, r));
    }

    @DeleteMapping("/api/scripts/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        library.delete(code);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/excuses")
    @Operation(summary = "The excuse taxonomy (拖欠借口)")
    List<Term> excuses() {
        return Arrays.stream(Excuse.values()).map(e -> term("excuse." + e.name(), e.name(), false)).toList();
    }

    @GetMapping("/api/personality-types")
    @Operation(summary = "The personality types (性格类型) a collector assigns to a contact, with what each wants")
    List<Term> personalityTypes() {
        return Arrays.stream(PersonalityType.values()).map(p -> term("personality." + p.name(), p.name(), true)).toList();
    }

    private Term term(String key, String name, boolean help) {
        return new Term(name, messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE), messages.getMessage(key, null, Locale.ENGLISH),
                help ? messages.getMessage(key + ".help", null, Locale.SIMPLIFIED_CHINESE) : null,
                help ? messages.getMessage(key + ".help", null, Locale.ENGLISH) : null);
    }

    static Script script(String code, ScriptRequest r) {
        return new Script(code, parse(ScriptStage.class, "stage", r.stage()), parse(Excuse.class, "excuse", r.excuse()),
                parse(PersonalityType.class, "personality", r.personality()), parse(Tone.class, "tone", r.tone()),
                parse(ScriptMethod.class, "method", r.method()), r.titleZh(), r.titleEn(), r.textZh(), r.textEn(), r.whenZh(), r.whenEn(),
                0, null, null);
    }

    /** An enum value by name (any case), null when blank; a bad one names the field and what it may be. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, value, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
