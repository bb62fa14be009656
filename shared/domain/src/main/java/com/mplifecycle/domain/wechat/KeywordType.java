package com.mplifecycle.domain.wechat;

import java.util.Optional;

/**
 * The value types of subscribe-message keywords and the limits WeChat puts on each.
 *
 * <p>A keyword's type is its name without the trailing number: {@code thing2} is {@link #THING},
 * {@code character_string13} is {@link #CHARACTER_STRING}. Lengths count Unicode code points.
 * Blank values and control characters (line breaks included) are rejected for every type before the
 * type's own check runs.
 */
public enum KeywordType {
    /** 事物: up to 20 characters of any kind. */
    THING("thing") {
        @Override
        Optional<String> typeProblem(String value) {
            return longerThan(value, 20);
        }
    },
    /** 数字: up to 32 digits, an optional decimal part. */
    NUMBER("number") {
        @Override
        Optional<String> typeProblem(String value) {
            return value.matches("[0-9]+(\\.[0-9]+)?")
                    ? longerThan(value, 32) : problem("must be digits with an optional decimal part");
        }
    },
    /** 字母: up to 32 Latin letters. */
    LETTER("letter") {
        @Override
        Optional<String> typeProblem(String value) {
            return value.matches("[A-Za-z]+") ? longerThan(value, 32) : problem("must be Latin letters only");
        }
    },
    /** 符号: up to 5 symbols, nothing else. */
    SYMBOL("symbol") {
        @Override
        Optional<String> typeProblem(String value) {
            return value.codePoints().allMatch(CharacterClass::isSymbol)
                    ? longerThan(value, 5) : problem("must be symbols only");
        }
    },
    /** 字符串: up to 32 Latin letters, digits and symbols; no Chinese. */
    CHARACTER_STRING("character_string") {
        @Override
        Optional<String> typeProblem(String value) {
            return value.codePoints().allMatch(cp -> CharacterClass.isAsciiLetterOrDigit(cp)
                    || CharacterClass.isSymbol(cp))
                    ? longerThan(value, 32) : problem("must be Latin letters, digits and symbols only");
        }
    },
    /** 时间: a 24-hour time, optionally after a date; two of them joined by {@code ~} for a range. */
    TIME("time") {
        @Override
        Optional<String> typeProblem(String value) {
            return DateTimeValue.isTimeOrRange(value)
                    ? Optional.empty() : problem("must be a 24-hour time, optionally with a date");
        }
    },
    /** 日期: a date, optionally followed by a 24-hour time; two of them joined by {@code ~} for a range. */
    DATE("date") {
        @Override
        Optional<String> typeProblem(String value) {
            return DateTimeValue.isDateOrRange(value)
                    ? Optional.empty() : problem("must be a date, optionally with a 24-hour time");
        }
    },
    /** 金额: an optional currency symbol, up to 10 integer digits, up to 2 decimals, an optional 元. */
    AMOUNT("amount") {
        @Override
        Optional<String> typeProblem(String value) {
            return value.matches("\\p{Sc}?[0-9]{1,10}(\\.[0-9]{1,2})?元?")
                    ? Optional.empty()
                    : problem("must be an optional currency symbol, up to 10 digits, optional decimals and 元");
        }
    },
    /** 电话: up to 17 digits and symbols, such as {@code +86-0766-66888866}. */
    PHONE_NUMBER("phone_number") {
        @Override
        Optional<String> typeProblem(String value) {
            boolean digitsAndSymbols = value.codePoints()
                    .allMatch(cp -> (cp >= '0' && cp <= '9') || CharacterClass.isSymbol(cp));
            return digitsAndSymbols && value.chars().anyMatch(c -> c >= '0' && c <= '9')
                    ? longerThan(value, 17) : problem("must be digits and symbols only");
        }
    },
    /** 车牌: up to 8 characters; Chinese allowed first and last, Latin letters and digits between. */
    CAR_NUMBER("car_number") {
        @Override
        Optional<String> typeProblem(String value) {
            return value.matches("\\p{IsHan}?[A-Za-z0-9]+\\p{IsHan}?")
                    ? longerThan(value, 8)
                    : problem("must be Latin letters and digits, with Chinese only first or last");
        }
    },
    /** 姓名: up to 10 characters if any is Chinese, otherwise up to 20 letters and symbols. */
    NAME("name") {
        @Override
        Optional<String> typeProblem(String value) {
            boolean nameCharacters = value.codePoints().allMatch(cp -> Character.isLetter(cp)
                    || CharacterClass.isSymbol(cp) || cp == ' ');
            if (!nameCharacters) {
                return problem("must be letters and symbols only");
            }
            return value.codePoints().anyMatch(CharacterClass::isHan) ? longerThan(value, 10) : longerThan(value, 20);
        }
    },
    /** 汉字: up to 5 Chinese characters, nothing else. */
    PHRASE("phrase") {
        @Override
        Optional<String> typeProblem(String value) {
            return value.codePoints().allMatch(CharacterClass::isHan)
                    ? longerThan(value, 5) : problem("must be Chinese characters only");
        }
    },
    /** 枚举值: one of the template's enum values, which only the template knows; checked for presence only. */
    ENUM("enum") {
        @Override
        Optional<String> typeProblem(String value) {
            return Optional.empty();
        }
    },
    /** 枚举值 (string form): as {@link #ENUM}. */
    ENUM_STRING("enum_string") {
        @Override
        Optional<String> typeProblem(String value) {
            return Optional.empty();
        }
    };

    private final String wireName;

    KeywordType(String wireName) {
        this.wireName = wireName;
    }

    /** The type name as it appears in keyword names, e.g. {@code character_string}. */
    public String wireName() {
        return wireName;
    }

    /** The type of a keyword name such as {@code thing1}, or empty when the prefix is no known type. */
    public static Optional<KeywordType> ofKeyword(String keyword) {
        String prefix = keyword.replaceFirst("[0-9]+$", "");
        for (KeywordType type : values()) {
            if (type.wireName.equals(prefix)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Why WeChat would refuse this value for this type, or empty when it is acceptable. */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return problem("is empty");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return problem("contains line breaks or control characters");
        }
        return typeProblem(value);
    }

    abstract Optional<String> typeProblem(String value);

    private static Optional<String> longerThan(String value, int maxCodePoints) {
        return value.codePointCount(0, value.length()) > maxCodePoints
                ? problem("is longer than " + maxCodePoints + " characters") : Optional.empty();
    }

    private static Optional<String> problem(String reason) {
        return Optional.of(reason);
    }
}
