package com.mplifecycle.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The audience CSV: a level name is the operators' own text, so it is quoted when it needs to be (RFC 4180). */
class CustomerListCsvTest {
    private static Map<String, Object> row(String level) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customerId", "c_1");
        row.put("stage", "NEW");
        row.put("segment", null);
        row.put("firstSeenAt", "2026-04-06T04:00:00Z");
        row.put("lastActiveAt", null);
        row.put("orders", 2);
        row.put("revenueFen", 1500L);
        row.put("level", level);
        return row;
    }

    @Test
    void levelNames_quotedOnlyWhenTheyHoldACommaQuoteOrLineBreak() {
        String csv = CustomerList.csv(List.of(row("金卡"), row("Gold, \"VIP\""), row("a\nb")));

        assertEquals(CustomerList.CSV_HEADER + "\r\n"
                + "c_1,NEW,,2026-04-06T04:00:00Z,,2,1500,金卡\r\n"
                + "c_1,NEW,,2026-04-06T04:00:00Z,,2,1500,\"Gold, \"\"VIP\"\"\"\r\n"
                + "c_1,NEW,,2026-04-06T04:00:00Z,,2,1500,\"a\nb\"\r\n", csv);
    }
}
