package io.huikuan.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class DataErrorsTests {

    private static DataIntegrityViolationException refused(String message, String state) {
        return new DataIntegrityViolationException("insert", new SQLException(message, state));
    }

    @Test
    void aValueTooLongNamesTheColumnAsTheApiDoesWhenTheDatabaseSaysIt() {
        var h2 = DataErrors.badValue(refused("Value too long for column \"payment_note CHARACTER VARYING(500)\": \"'xxx' (100000)\"", "22001"));
        assertThat(h2).hasValueSatisfying(b -> {
            assertThat(b.field()).isEqualTo("paymentNote");
            assertThat(b.detail()).isEqualTo("paymentNote: text too long (at most 500 characters)");
        });
        var pg = DataErrors.badValue(refused("ERROR: value too long for type character varying(500)", "22001"));
        assertThat(pg).hasValueSatisfying(b -> assertThat(b.detail()).isEqualTo("text too long (at most 500 characters)"));
    }

    @Test
    void nulBytesAndOutOfRangeValuesAreTheInputsFaultDuplicatesAreNot() {
        assertThat(DataErrors.badValue(refused("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
                .hasValueSatisfying(b -> assertThat(b.detail()).contains("NUL"));
        assertThat(DataErrors.badValue(refused("ERROR: date/time field value out of range", "22008")))
                .hasValueSatisfying(b -> assertThat(b.detail()).isEqualTo("date or time out of range"));
        assertThat(DataErrors.badValue(refused("ERROR: numeric field overflow", "22003")))
                .hasValueSatisfying(b -> assertThat(b.detail()).isEqualTo("number out of range"));
        assertThat(DataErrors.badValue(refused("duplicate key value violates unique constraint", "23505"))).isEmpty();
    }
}
