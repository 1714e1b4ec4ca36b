package io.huikuan.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTests {

    @Test
    void csvTextThatLooksLikeAFormulaIsDefusedButNegativeNumbersStayNumbers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter w = TableWriter.csv(out);
        w.header(List.of("customer_code", "name", "amount"));
        w.row("K1", "=HYPERLINK(\"http://evil\")", new BigDecimal("-12.50"));
        w.row("K2", "@SUM(A1)", new BigDecimal("3.00"));
        w.row("K3", "杭州 - 正常名称", new BigDecimal("4.00"));
        w.close();
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").contains("'@SUM(A1)").contains("-12.50").contains("杭州 - 正常名称")
                .doesNotContain(",=HYPERLINK");
    }
}
