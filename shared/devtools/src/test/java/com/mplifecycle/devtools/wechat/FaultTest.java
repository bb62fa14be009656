package com.mplifecycle.devtools.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultTest {

    @Test
    void fromJson_errcodeWithCount_isErrorCodeFault() {
        Fault fault = Fault.fromJson("{\"api\":\"subscribe_send\",\"errcode\":45009,\"count\":2}");

        assertEquals(new Fault.ErrorCode("subscribe_send", 45009, null, 2), fault);
    }

    @Test
    void fromJson_httpStatusOnAnyApi_isHttpStatusFault() {
        Fault fault = Fault.fromJson("{\"api\":\"any\",\"httpStatus\":500,\"count\":1}");

        assertEquals(new Fault.HttpStatus("any", 500, 1), fault);
    }

    @Test
    void fromJson_delayWithoutCount_isDelayForOneCall() {
        Fault fault = Fault.fromJson("{\"api\":\"stable_token\",\"delayMs\":3000}");

        assertEquals(new Fault.Delay("stable_token", Duration.ofSeconds(3), 1), fault);
    }

    @Test
    void toJson_errcodeWithErrmsg_readsBackEqual() {
        Fault fault = new Fault.ErrorCode("jscode2session", 40226, "code blocked", 3);

        assertEquals(fault, Fault.fromJson(fault.toJson()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `not json`                                                 | not JSON
            `[1,2]`                                                    | expected a JSON object
            `{"errcode":-1}`                                           | api must be a string
            `{"api":"payments","errcode":-1}`                          | api must be one of
            `{"api":"any"}`                                            | exactly one of
            `{"api":"any","errcode":-1,"httpStatus":500}`              | exactly one of
            `{"api":"any","errcode":0}`                                | errcode 0 is success
            `{"api":"any","httpStatus":99}`                            | between 200 and 599
            `{"api":"any","delayMs":0}`                                | delay must be positive
            `{"api":"any","errcode":-1,"count":0}`                     | count must be at least 1
            `{"api":"any","errcode":"-1"}`                             | errcode must be an integer
            `{"api":"any","errcode":-1,"times":2}`                     | unknown field(s) [times]
            `{"api":"any","httpStatus":500,"errmsg":"x"}`              | errmsg goes with errcode only
            """)
    void fromJson_invalidFault_throwsNamingTheProblem(String json, String expected) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Fault.fromJson(json));

        assertTrue(thrown.getMessage().startsWith("invalid fault JSON: "), thrown.getMessage());
        assertTrue(thrown.getMessage().contains(expected), thrown.getMessage());
    }

    @Test
    void appliesTo_anyApi_matchesEveryApi() {
        Fault fault = Fault.errcode(Fault.ANY_API, -1, 1);

        assertTrue(fault.appliesTo(WeChatStandIn.CODE2SESSION) && fault.appliesTo(WeChatStandIn.SUBSCRIBE_SEND));
    }
}
