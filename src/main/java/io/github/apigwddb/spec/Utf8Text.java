package io.github.apigwddb.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads files that must be UTF-8 text, saying where the first byte that is not stands instead of failing vaguely. */
public final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * The text of a file the user named (a values, parameters, tables or baseline file), without a byte order mark.
     *
     * @throws IOException whose message says in words why not, to follow the file's name: "does not exist", "is not
     *     UTF-8 text: byte 0xE9 at line 3, column 7 ...", "cannot be read (...)"
     */
    public static String readNamedFile(Path file) throws IOException {
        try {
            return DocumentParser.withoutByteOrderMark(read(file));
        } catch (NotReadableException e) {
            throw new IOException(e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("does not exist", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("cannot be read (permission denied)", e);
        } catch (NotUtf8Exception e) {
            throw new IOException("is " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /** Text files larger than this are not read: a definition, example or setting file is far smaller. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    /**
     * The text of {@code file}, decoded strictly.
     *
     * @throws NotReadableException when it is no regular file (a device such as /dev/zero never ends) or is larger than
     *     {@link #MAX_BYTES}: reading it whole would exhaust the memory
     */
    public static String read(Path file) throws IOException, NotUtf8Exception {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new NotReadableException(Files.isDirectory(file) ? "is a directory" : "is not a regular file (a device or a pipe)");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new NotReadableException(String.format(java.util.Locale.ROOT, "is %.1f MB; files over %d MB are not read",
                    size / (1024.0 * 1024), MAX_BYTES / (1024 * 1024)));
        }
        return decode(Files.readAllBytes(file));
    }

    /** A file that is not read at all; the message follows the file's name ("is 3072.0 MB; ..."). */
    public static final class NotReadableException extends IOException {

        private static final long serialVersionUID = 1L;

        NotReadableException(String message) {
            super(message);
        }
    }

    public static String decode(byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8Exception(bytes, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Where the first byte that is not UTF-8 stands, as a line and a column of the text before it. */
    public static final class NotUtf8Exception extends Exception {

        private static final long serialVersionUID = 1L;

        private final TextPosition position;
        private final String badByte;

        NotUtf8Exception(byte[] bytes, int offset) {
            super(null, null, false, false);
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
            this.position = new TextPosition(line, column, -1);
            this.badByte = String.format("%02X", bytes[offset] & 0xff);
        }

        public TextPosition position() {
            return position;
        }

        /** "not UTF-8 text: byte 0xE9 at line 3, column 7 cannot start or continue a UTF-8 character". */
        @Override
        public String getMessage() {
            return "not UTF-8 text: byte 0x" + badByte + " at line " + position.line() + ", column " + position.column()
                    + " cannot start or continue a UTF-8 character; save the file as UTF-8";
        }

        /** The same without the position, for a finding that carries it. */
        public String withoutPosition() {
            return "not UTF-8 text: byte 0x" + badByte + " cannot start or continue a UTF-8 character; save the file as UTF-8";
        }
    }
}
