package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.input.FieldError;

/** Invalid campaigns are refused with the field and the reason; valid ones round-trip through JSON. */
class CampaignReaderTest {
    private static Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "cart");
        m.put("priority", 5);
        m.put("trigger", Map.of("type", "cart_abandoned", "hours", 2));
        m.put("templateId", "T1");
        m.put("page", "pages/cart/index");
        m.put("data", Map.of("thing1", "您的购物车还有商品", "amount2", "{{cartValue}}"));
        m.put("variants", List.of(Map.of("id", "A", "weight", 50), Map.of("id", "B", "weight", 50,
                "data", Map.of("thing1", "库存紧张"))));
        m.put("holdoutPercent", 10);
        return m;
    }

    private static List<FieldError> errors(Map<String, Object> json) {
        CampaignReader.Result r = CampaignReader.read("c1", json);
        return assertInstanceOf(CampaignReader.Invalid.class, r).errors();
    }

    @Test
    void read_valid_roundTripsThroughJson() {
        Campaign c = assertInstanceOf(CampaignReader.Valid.class, CampaignReader.read("c1", valid())).campaign();

        assertEquals(new Trigger.CartAbandoned(2), c.trigger());
        assertEquals(c, ((CampaignReader.Valid) CampaignReader.read("c1", CampaignJson.of(c))).campaign());
    }

    @Test
    void read_unknownTrigger_fieldAndReason() {
        Map<String, Object> json = valid();
        json.put("trigger", Map.of("type", "full_moon"));

        List<FieldError> errors = errors(json);
        assertEquals("trigger.type", errors.get(0).field());
        assertTrue(errors.get(0).reason().startsWith("unknown trigger 'full_moon'"));
    }

    @Test
    void read_thingOver20Characters_refusedByKeywordRules() {
        Map<String, Object> json = valid();
        json.put("data", Map.of("thing1", "这是一条超过二十个字符的非常非常长的提醒消息内容"));

        assertEquals("data.thing1", errors(json).get(0).field());
    }

    @Test
    void read_placeholderTooLongAtItsLongest_orUnknown_refused() {
        Map<String, Object> json = valid();
        json.put("data", Map.of("phrase1", "{{cartValue}}", "thing2", "{{nickname}}"));

        List<String> fields = errors(json).stream().map(FieldError::field).toList();
        assertTrue(fields.contains("data.phrase1") && fields.contains("data.thing2"), fields.toString());
    }

    @Test
    void read_weightsNotAddingUp_holdoutOutOfRange_missingTemplate() {
        Map<String, Object> json = valid();
        json.put("variants", List.of(Map.of("id", "A", "weight", 60), Map.of("id", "B", "weight", 30)));
        json.put("holdoutPercent", 101);
        json.remove("templateId");

        List<String> fields = errors(json).stream().map(FieldError::field).toList();
        assertEquals(List.of("templateId", "variants", "holdoutPercent"), fields);
    }

    @Test
    void defaultCampaigns_allNineAreValid() {
        assertEquals(10, DefaultCampaigns.campaigns().size());
    }
}
