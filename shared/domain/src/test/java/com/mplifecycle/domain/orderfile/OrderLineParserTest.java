package com.mplifecycle.domain.orderfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mplifecycle.domain.profile.CustomerIds;

class OrderLineParserTest {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static OrderLineParser parser(String header, OrderColumns columns) {
        return new OrderLineParser(columns.locate(CsvLine.header(header)), "shop", SHANGHAI, NOW);
    }

    private static final OrderLineParser RETAIL = parser("InvoiceNo,InvoiceDate,CustomerID,TotalPrice",
            new OrderColumns("CustomerID", null, "InvoiceDate", "TotalPrice", "InvoiceNo"));

    @Test
    void parse_goodLine_givesTheOrderInFen() {
        ImportedOrder o = assertInstanceOf(ImportedOrder.class,
                RETAIL.parse(2, "536366,2010-12-01,17850,22.200000000000003"));

        assertEquals(new ImportedOrder(2, "17850", null, "536366", Instant.parse("2010-11-30T16:00:00Z"), 2_220), o);
    }

    @Test
    void parse_openidColumn_derivesTheCustomerIdAndKeepsTheOpenid() {
        OrderLineParser parser = parser("openid,date,amount", OrderColumns.defaults());

        ImportedOrder o = assertInstanceOf(ImportedOrder.class, parser.parse(2, "oAbc-123,2025-06-01,9.90"));

        assertEquals(CustomerIds.of("shop", "oAbc-123"), o.customerId());
        assertEquals("oAbc-123", o.openid());
        assertEquals(990, o.amountFen());
    }

    @Test
    void parse_noOrderColumn_derivesAStableIdFromTheLine() {
        OrderLineParser parser = parser("customerId,date,amount,sku", OrderColumns.defaults());

        ImportedOrder a = (ImportedOrder) parser.parse(2, "c-1,2025-06-01,9.90,tea");
        ImportedOrder again = (ImportedOrder) parser.parse(7, "c-1,2025-06-01,9.90,tea\r");
        ImportedOrder other = (ImportedOrder) parser.parse(3, "c-1,2025-06-01,9.90,cake");

        assertEquals(a.orderId(), again.orderId());
        assertNotEquals(a.orderId(), other.orderId());
        assertTrue(a.orderId().startsWith("line_"));
        assertNull(a.openid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "536365,2010-12-01,17850                 | expected 4 fields as in the header, found 3",
        "536365,2010-12-01,,139.12               | customer id is empty",
        "536365,2010-12-01,178#50,139.12         | customer id must be 1-64 letters, digits, '_' or '-': '178#50'",
        "536365,2010-12-01,17850,12,5            | expected 4 fields as in the header, found 5",
        "536365,2010-12-01,17850,abc             | amount is not a number: 'abc'",
        "536365,2010-12-01,17850,-3.50           | amount is negative: -3.50 (import paid orders only)",
        "536365,2010-12-01,17850,1e20            | amount is too large: 1e20",
        "536365,2026-03-03,17850,1               | paid in the future: 2026-03-03",
        ",2010-12-01,17850,1                     | order id is empty",
        "\"536365,2010-12-01,17850,1             | unterminated quote",
    })
    void parse_badLine_rejectsWithLineNumberAndReason(String line, String reason) {
        ParsedLine parsed = RETAIL.parse(9, line.strip());

        assertEquals(new RejectedLine(9, reason), parsed);
    }

    @Test
    void parse_badDate_namesTheValue() {
        RejectedLine r = assertInstanceOf(RejectedLine.class, RETAIL.parse(4, "536365,01.12.2010,17850,1"));

        assertTrue(r.reason().startsWith("date is not a date or time: '01.12.2010'"), r.reason());
        assertEquals("line 4: " + r.reason(), r.toString());
    }

    @Test
    void parse_quotedFieldWithComma_readsIt() {
        OrderLineParser parser = parser("customerId,date,amount,note", OrderColumns.defaults());

        ParsedLine parsed = parser.parse(2, "c-1,2025-06-01,\"1200.50\",\"gift, wrapped\"");

        assertEquals(120_050, assertInstanceOf(ImportedOrder.class, parsed).amountFen());
    }

    @Test
    void locate_headerWithBomAndOrderIdColumn_usesDefaults() {
        OrderFileLayout layout = OrderColumns.defaults().locate(CsvLine.header("\uFEFForderId, customerId,date,amount"));

        assertEquals(new OrderFileLayout(1, false, 2, 3, 0, 4), layout);
    }

    @Test
    void locate_missingColumn_namesItAndTheHeader() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OrderColumns(null, null, "when", null, null).locate(List.of("customerId", "date", "amount")));

        assertEquals("no column when in the header [customerId, date, amount]", e.getMessage());
    }
}
