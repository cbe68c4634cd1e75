package org.tanghulu.kernel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void blankIsNoneAndTextIsStrippedOfUnicodeWhiteSpace() {
        assertNull(Text.blankToNull(null));
        assertNull(Text.blankToNull(" \t\u3000 "));
        assertEquals("张三", Text.blankToNull("\u3000张三 \n"));
        assertEquals("a b", Text.blankToNull(" a b "));
    }
}
