package org.commandroom.core.geo.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding of import files: strict UTF-8, with or without a byte-order mark. */
final class TextFiles {

    private TextFiles() {
    }

    /**
     * The text of the file without a leading BOM.
     *
     * @throws CharacterCodingException when the bytes are not UTF-8 (e.g. a GBK export)
     */
    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                .toString();
        return stripBom(text);
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
