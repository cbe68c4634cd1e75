package org.tanghulu.catalog.validation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tanghulu.api.definition.DataElement;
import org.tanghulu.kernel.json.Json;

/**
 * The value of a TABLE element ({@link org.tanghulu.api.definition.DataType#TABLE}): a JSON array of objects, one per
 * row, column id to the cell's string. Reads it leniently (numbers and booleans in cells read as their text) and
 * writes it compactly, cells in column order, rows whose cells are all blank left out.
 *
 * @since 1.1
 */
public final class TableValue {

    private static final JsonMapper JSON = Json.api();

    private TableValue() {
    }

    /**
     * @param value a TABLE value; blank is no rows
     * @return its rows, each column id to the cell's value (never {@code null})
     * @throws IllegalArgumentException if it is not an array of objects whose values are strings, numbers, booleans
     *         or null
     */
    public static List<Map<String, String>> rows(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isArray()) {
            throw new IllegalArgumentException("not a JSON array of rows");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : tree) {
            if (!row.isObject()) {
                throw new IllegalArgumentException("row " + (rows.size() + 1) + " is not an object");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> i = row.fields(); i.hasNext();) {
                Map.Entry<String, JsonNode> cell = i.next();
                if (!cell.getValue().isValueNode()) {
                    throw new IllegalArgumentException("row " + (rows.size() + 1) + ", '" + cell.getKey() + "' is not a value");
                }
                cells.put(cell.getKey(), cell.getValue().isNull() ? "" : cell.getValue().asText());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** @return the rows of {@code value}, or {@code null} if it is malformed (see {@link #rows}) */
    public static List<Map<String, String>> rowsOrNull(String value) {
        try {
            return rows(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param columns the table's columns; only their cells are written, in their order
     * @param rows the rows, column id to value; a missing cell is written empty
     * @return the compact JSON value, or {@code ""} if no row has a non-blank cell
     */
    public static String write(List<DataElement> columns, List<Map<String, String>> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (Map<String, String> row : rows) {
            ObjectNode o = array.addObject();
            boolean blank = true;
            for (DataElement c : columns) {
                String cell = row.getOrDefault(c.id(), "");
                cell = cell == null ? "" : cell.strip();
                blank &= cell.isEmpty();
                o.put(c.id(), cell);
            }
            if (blank) {
                array.remove(array.size() - 1);
            }
        }
        return array.isEmpty() ? "" : array.toString();
    }

    /**
     * @param rows the rows, column id to value, cells in the order to write
     * @param keepBlank whether rows whose cells are all blank are kept (a form's newly added row)
     * @return the compact JSON value; {@code ""} if there is no row to write
     */
    public static String write(List<Map<String, String>> rows, boolean keepBlank) {
        ArrayNode array = JSON.createArrayNode();
        for (Map<String, String> row : rows) {
            if (keepBlank || row.values().stream().anyMatch(c -> c != null && !c.isBlank())) {
                ObjectNode o = array.addObject();
                row.forEach((k, v) -> o.put(k, v == null ? "" : v.strip()));
            }
        }
        return array.isEmpty() ? "" : array.toString();
    }

    /** @return the field a cell's problem names: {@code element[row].column}, the row counted from 0 */
    public static String cellField(String element, int row, String column) {
        return element + "[" + row + "]." + column;
    }
}
