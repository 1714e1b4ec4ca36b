package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** A downloaded XLSX read back (fastexcel-reader, with cell formats): sheet name → rows of cells. */
record XlsxFile(Map<String, List<List<Cell>>> sheets, List<String> names) {

    static XlsxFile read(byte[] bytes) throws IOException {
        assertThat(bytes).as("an XLSX (zip) file").startsWith((byte) 'P', (byte) 'K');
        Map<String, List<List<Cell>>> sheets = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<List<Cell>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<Cell> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(row.getCell(c));
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
                names.add(sheet.getName());
            }
        }
        return new XlsxFile(sheets, names);
    }

    List<List<Cell>> sheet(int index) {
        return sheets.get(names.get(index));
    }

    /** The texts of a row (numbers as plain strings, empty cells as ""). */
    static List<String> texts(List<Cell> row) {
        return row.stream().map(c -> c == null ? "" : c.getType() == CellType.NUMBER ? c.asNumber().toPlainString() : c.getText()).toList();
    }

    /** Asserts a numeric cell showing 2 decimals and returns its value. */
    static BigDecimal amount(Cell cell) {
        assertThat(cell).isNotNull();
        assertThat(cell.getType()).as("type of " + cell.getAddress()).isEqualTo(CellType.NUMBER);
        assertThat(cell.getDataFormatString()).as("format of " + cell.getAddress()).isEqualTo("#,##0.00");
        return cell.asNumber();
    }
}
