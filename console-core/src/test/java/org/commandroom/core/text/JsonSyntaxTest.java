package org.commandroom.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The mistakes of hand-edited and cut-off JSON, from Jackson's own exceptions, said without its English. */
class JsonSyntaxTest {

    private static String said(String json, Locale locale) {
        try {
            new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            return JsonSyntax.describe(e).in(locale);
        }
        throw new AssertionError("well-formed: " + json);
    }

    @Test
    void eachCommonMistakeHasItsOwnWords() {
        assertEquals("此处应为逗号，却是“\"”（两项之间缺少逗号？）", said("{\"a\": 1 \"b\": 2}", Locale.ROOT));
        assertEquals("文件在此处意外结束（被截断，或缺少右括号）", said("{\"a\": [1, 2", Locale.ROOT));
        assertEquals("无法识别的内容“Tru”（文字值须加双引号）", said("{\"a\": Tru}", Locale.ROOT));
        assertEquals("a name in double quotes was expected here, not \"}\" (a comma too many, or a name without quotes?)",
                said("{\"a\": 1,}", Locale.ENGLISH));
        assertEquals("a colon was expected here, not \"1\"", said("{\"a\" 1}", Locale.ENGLISH));
        assertEquals("\"]\" is not expected here", said("{\"a\": ]}", Locale.ENGLISH));
        assertEquals("a control character (such as a line break) inside a string is not escaped",
                said("{\"a\": \"x\ny\"}", Locale.ENGLISH));
    }
}
