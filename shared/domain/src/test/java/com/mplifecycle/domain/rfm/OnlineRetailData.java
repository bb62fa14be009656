package com.mplifecycle.domain.rfm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Reads {@code online_retail_invoices.csv} (InvoiceNo,InvoiceDate,CustomerID,TotalPrice). */
final class OnlineRetailData {

    static final LocalDate LAST_INVOICE_DAY = LocalDate.of(2011, 12, 9);

    private OnlineRetailData() {
    }

    static List<OrderRow> invoices() {
        InputStream in = OnlineRetailData.class.getResourceAsStream("/data/online_retail_invoices.csv");
        if (in == null) {
            throw new IllegalStateException("missing test resource online_retail_invoices.csv");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(OnlineRetailData::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrderRow parse(String line) {
        String[] fields = line.split(",");
        return OrderRow.ofCurrencyUnits(fields[2], LocalDate.parse(fields[1]), new BigDecimal(fields[3]));
    }
}
