package io.huikuan.common.web;

/**
 * Where a form goes back to after it is posted ({@code back=} parameter): a path on this server under a prefix,
 * never another host ({@code //evil.example}, {@code /\evil.example}); anything else goes to the fallback.
 */
public final class BackLinks {

    private BackLinks() {
    }

    /** {@code back} when it is a local path starting with {@code prefix}, else {@code fallback}. */
    public static String within(String back, String prefix, String fallback) {
        return back != null && back.startsWith(prefix) && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back : fallback;
    }
}
