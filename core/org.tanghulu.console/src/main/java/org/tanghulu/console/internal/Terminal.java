package org.tanghulu.console.internal;

import java.io.PrintStream;

/**
 * The one way console commands write: applicant-supplied text (names, messages, values) can hold
 * control characters, and an escape sequence printed raw would drive the admin's terminal
 * (colours, title, cursor, hidden text). {@link #safe} shows C0 controls in caret notation
 * ({@code ESC} as {@code ^[}), DEL as {@code ^?}, C1 controls and the bidirectional overrides as
 * {@code <U+XXXX>}; only line feed and tab are kept.
 */
final class Terminal {

    private Terminal() {
    }

    /** @return {@code text} with every control character made visible; {@code null} stays {@code null} */
    static String safe(String text) {
        if (text == null || text.chars().noneMatch(Terminal::unsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c < 0x20) {
                out.append('^').append((char) (c + 64));
            } else if (c == 0x7F) {
                out.append("^?");
            } else {
                out.append(String.format("<U+%04X>", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unsafe(int c) {
        return (Character.isISOControl(c) && c != '\n' && c != '\t')
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** @return the session's standard output, through {@link #safe}: what every command prints with */
    static PrintStream out() {
        return new Safe(System.out);
    }

    /** A print stream that passes all text through {@link #safe}; println, printf and tables come through here. */
    private static final class Safe extends PrintStream {

        Safe(PrintStream target) {
            super(target, true);
        }

        @Override
        public void print(String s) {
            super.print(safe(s));
        }

        @Override
        public void print(Object o) {
            print(String.valueOf(o));
        }

        @Override
        public void print(char c) {
            print(String.valueOf(c));
        }

        @Override
        public void print(char[] s) {
            print(new String(s));
        }

        @Override
        public PrintStream append(CharSequence csq) {
            print(String.valueOf(csq));
            return this;
        }

        @Override
        public PrintStream append(CharSequence csq, int start, int end) {
            print(String.valueOf(csq == null ? "null" : csq.subSequence(start, end)));
            return this;
        }

        @Override
        public PrintStream append(char c) {
            print(c);
            return this;
        }
    }
}
