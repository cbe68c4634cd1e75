package org.tanghulu.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Where in a JSON file Jackson gave up, in words an admin can follow to the spot. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** @return e.g. {@code department.json line 12, column 7 at matters[0].forms} */
    public static String where(String source, JsonProcessingException e) {
        StringBuilder s = new StringBuilder(source);
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            s.append(" line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            s.append(" at ").append(path);
        }
        return s.toString();
    }
}
