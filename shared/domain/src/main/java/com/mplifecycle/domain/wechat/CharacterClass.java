package com.mplifecycle.domain.wechat;

/** The character classes WeChat's keyword limits speak of, by code point. */
final class CharacterClass {
    private CharacterClass() {
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    static boolean isAsciiLetterOrDigit(int codePoint) {
        return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
                || (codePoint >= '0' && codePoint <= '9');
    }

    /** Punctuation, currency, maths and other visible non-alphanumeric marks, full-width ones included. */
    static boolean isSymbol(int codePoint) {
        if (Character.isLetterOrDigit(codePoint) || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.UNASSIGNED && type != Character.FORMAT && type != Character.PRIVATE_USE
                && type != Character.SURROGATE && type != Character.NON_SPACING_MARK
                && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK;
    }
}
