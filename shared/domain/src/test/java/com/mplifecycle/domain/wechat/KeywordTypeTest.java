package com.mplifecycle.domain.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordTypeTest {

    @ParameterizedTest(name = "{0} accepts [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            thing            | 会员积分即将过期
            thing            | Order #1234 ready!
            thing            | 一二三四五六七八九十一二三四五六七八九十
            thing            | 🎉 生日快乐
            number           | 339208499
            number           | 3.1415
            number           | 12345678901234567890123456789012
            letter           | ABCdef
            letter           | abcdefghijklmnopqrstuvwxyzABCDEF
            symbol           | %
            symbol           | ↑↓！？%
            character_string | ORDER-2024_0001#A
            character_string | abc123
            time             | 15:01
            time             | 9:05:30
            time             | 2019年10月1日 15:01
            time             | 2019-10-01 15:01
            time             | 2019年10月1日 15:01~2019年10月1日 16:00
            time             | 15:01 ~ 16:30
            date             | 2019年10月1日
            date             | 2024/02/29
            date             | 2019.10.01
            date             | 2019年10月1日 15:01
            date             | 2019年10月1日~2019年10月7日
            date             | 2019-10-01 15:01~16:00
            amount           | ¥99.00
            amount           | ￥99
            amount           | $1234567890.5
            amount           | 99.00元
            amount           | 100
            phone_number     | +86-0766-66888866
            phone_number     | 13800138000
            car_number       | 粤A8Z888挂
            car_number       | 京A12345
            car_number       | AB12345
            name             | 张三
            name             | 欧阳一二三四五六七八
            name             | John Smith
            name             | Anne-Marie O'Neil
            name             | 李Lee
            phrase           | 配送中
            phrase           | 已完成发货
            enum             | anything
            enum_string      | 已支付
            """)
    void problemWith_valueWithinLimits_isEmpty(String type, String value) {
        Optional<String> problem = typeNamed(type).problemWith(value);

        assertEquals(Optional.empty(), problem, () -> type + " rejected [" + value + "]");
    }

    @ParameterizedTest(name = "{0} rejects [{1}]: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            thing            | 一二三四五六七八九十一二三四五六七八九十一 | longer than 20
            thing            | "   "                                      | empty
            thing            | 第一行\\n第二行                             | line breaks
            number           | 12a                                        | digits
            number           | -5                                         | digits
            number           | 123456789012345678901234567890123          | longer than 32
            number           | 1.                                         | digits
            letter           | abc1                                       | Latin letters
            letter           | 字母                                       | Latin letters
            letter           | abcdefghijklmnopqrstuvwxyzABCDEFG          | longer than 32
            symbol           | %%%%%%                                     | longer than 5
            symbol           | a%                                         | symbols only
            character_string | 订单123                                    | Latin letters, digits
            character_string | abc 123                                    | Latin letters, digits
            character_string | 123456789012345678901234567890123          | longer than 32
            time             | 25:00                                      | 24-hour
            time             | 3pm                                        | 24-hour
            time             | 2019年10月1日                              | 24-hour
            time             | 15:01~16:00~17:00                          | 24-hour
            date             | 2019年13月1日                              | date
            date             | 2023-02-29                                 | date
            date             | 15:01                                      | date
            date             | 2019-10/01                                 | date
            amount           | ¥99.999                                    | currency
            amount           | ¥12345678901                               | currency
            amount           | 九十九元                                   | currency
            amount           | ¥¥99                                       | currency
            amount           | -¥5.00                                     | currency
            phone_number     | +86-0766-668888661234                      | longer than 17
            phone_number     | tel 123                                    | digits and symbols
            phone_number     | ---                                        | digits and symbols
            car_number       | 粤A8Z8888挂                                | longer than 8
            car_number       | A粤8Z888                                   | Chinese only first or last
            name             | 欧阳一二三四五六七八九                      | longer than 10
            name             | Alexandra Catherine Smith                  | longer than 20
            name             | R2D2                                       | letters and symbols
            name             | 李LeeLeeLeeL                               | longer than 10
            phrase           | 已完成发货啦                               | longer than 5
            phrase           | 配送OK                                     | Chinese characters only
            phrase           | 配送中！                                   | Chinese characters only
            enum             | "  "                                       | empty
            """)
    void problemWith_valueBreakingLimits_namesTheLimit(String type, String value, String reasonPart) {
        Optional<String> problem = typeNamed(type).problemWith(value.replace("\\n", "\n"));

        assertTrue(problem.isPresent(), () -> type + " accepted [" + value + "]");
        assertTrue(problem.get().contains(reasonPart), () -> "reason was: " + problem.get());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            thing1             | THING
            thing12            | THING
            character_string13 | CHARACTER_STRING
            phone_number4      | PHONE_NUMBER
            enum_string2       | ENUM_STRING
            amount2            | AMOUNT
            """)
    void ofKeyword_knownType_isThatType(String keyword, KeywordType expected) {
        assertEquals(Optional.of(expected), KeywordType.ofKeyword(keyword));
    }

    @Test
    void ofKeyword_unknownType_isEmpty() {
        assertEquals(Optional.empty(), KeywordType.ofKeyword("site01"));
    }

    @Test
    void problemWith_null_isEmptyReason() {
        assertEquals(Optional.of("is empty"), KeywordType.THING.problemWith(null));
    }

    private static KeywordType typeNamed(String wireName) {
        return KeywordType.ofKeyword(wireName + "1").orElseThrow();
    }
}
