package io.huikuan.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The patterns a search builds from what was typed. */
class SqlLikeTests {

    @Test
    void wildcardsAndTheEscapeCharacterAreEscaped() {
        assertThat(SqlLike.contains(" 100%_Co ")).isEqualTo("%100\\%\\_co%");
        assertThat(SqlLike.contains("C:\\Temp")).isEqualTo("%c:\\\\temp%");
        assertThat(SqlLike.startsWith("GX_")).isEqualTo("GX\\_%");
        assertThat(SqlLike.condition("c.name")).isEqualTo("lower(c.name) LIKE ? ESCAPE '\\'");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(SqlLike.escape("上海华锐机械")).isEqualTo("上海华锐机械");
    }
}
