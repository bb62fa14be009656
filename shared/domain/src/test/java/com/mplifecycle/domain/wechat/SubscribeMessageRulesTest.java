package com.mplifecycle.domain.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mplifecycle.domain.wechat.SubscribeMessageRules.Violation;

class SubscribeMessageRulesTest {
    private static final String OPENID = "oAbCdEfGhIjKlMnOpQrStUvWxYz1";

    @Test
    void check_documentedExample_hasNoViolations() {
        SubscribeMessage message = SubscribeMessage.of(OPENID, "TEMPLATE_ID",
                Map.of("thing1", "会员积分即将过期", "amount2", "¥99.00", "time3", "2019年10月1日 15:01"))
                .withPage("pages/index?from=push").withMiniprogramState("formal").withLang("zh_CN");

        assertEquals(List.of(), SubscribeMessageRules.check(message));
    }

    @Test
    void check_thingOverTwentyCharacters_namesTheKeyword() {
        SubscribeMessage message = SubscribeMessage.of(OPENID, "TEMPLATE_ID",
                Map.of("thing1", "一二三四五六七八九十一二三四五六七八九十一"));

        assertEquals(List.of(new Violation("thing1", "is longer than 20 characters")),
                SubscribeMessageRules.check(message));
    }

    @Test
    void checkData_unknownKeywordType_isAViolation() {
        List<Violation> found = SubscribeMessageRules.checkData(Map.of("site01", "广州市新港中路397号"));

        assertEquals(1, found.size());
        assertEquals("site01", found.get(0).key());
        assertTrue(found.get(0).reason().contains("unknown keyword type 'site'"));
    }

    @Test
    void checkData_keywordWithoutNumber_isAViolation() {
        assertEquals("thing", SubscribeMessageRules.checkData(Map.of("thing", "ok")).get(0).key());
    }

    @Test
    void checkData_emptyMap_isADataViolation() {
        assertEquals(List.of(new Violation("data", "is empty")), SubscribeMessageRules.checkData(Map.of()));
    }

    @Test
    void checkData_severalBadValues_keepsKeyOrder() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("phrase3", "配送中啦啦啦");
        data.put("thing1", "ok");
        data.put("number2", "");

        List<String> keys = SubscribeMessageRules.checkData(data).stream().map(Violation::key).toList();

        assertEquals(List.of("phrase3", "number2"), keys);
    }

    @Test
    void checkEnvelope_emptyTouserAndTemplate_reportsBoth() {
        SubscribeMessage message = SubscribeMessage.of("", " ", Map.of("thing1", "ok"));

        List<String> keys = SubscribeMessageRules.checkEnvelope(message).stream().map(Violation::key).toList();

        assertEquals(List.of("touser", "template_id"), keys);
    }

    @ParameterizedTest
    @ValueSource(strings = {"developer", "trial", "formal"})
    void checkEnvelope_knownMiniprogramState_isAccepted(String state) {
        SubscribeMessage message = SubscribeMessage.of(OPENID, "T", Map.of("thing1", "ok")).withMiniprogramState(state);

        assertEquals(List.of(), SubscribeMessageRules.checkEnvelope(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"release", "FORMAL", ""})
    void checkEnvelope_unknownMiniprogramState_isAViolation(String state) {
        SubscribeMessage message = SubscribeMessage.of(OPENID, "T", Map.of("thing1", "ok")).withMiniprogramState(state);

        assertEquals("miniprogram_state", SubscribeMessageRules.checkEnvelope(message).get(0).key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_CN", "en_US", "zh_HK", "zh_TW"})
    void checkEnvelope_knownLang_isAccepted(String lang) {
        SubscribeMessage message = SubscribeMessage.of(OPENID, "T", Map.of("thing1", "ok")).withLang(lang);

        assertEquals(List.of(), SubscribeMessageRules.checkEnvelope(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN", "fr_FR"})
    void checkEnvelope_unknownLang_isAViolation(String lang) {
        SubscribeMessage message = SubscribeMessage.of(OPENID, "T", Map.of("thing1", "ok")).withLang(lang);

        assertEquals("lang", SubscribeMessageRules.checkEnvelope(message).get(0).key());
    }

    @Test
    void checkEnvelope_blankPage_isAViolation() {
        SubscribeMessage message = SubscribeMessage.of(OPENID, "T", Map.of("thing1", "ok")).withPage(" ");

        assertEquals("page", SubscribeMessageRules.checkEnvelope(message).get(0).key());
    }

    @Test
    void toString_message_leavesOutOpenidAndValues() {
        String text = SubscribeMessage.of(OPENID, "T", Map.of("thing1", "secret plan")).toString();

        assertTrue(!text.contains(OPENID) && !text.contains("secret plan"), text);
    }
}
