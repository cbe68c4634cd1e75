package org.tanghulu.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

class ChartTextTest {

    private static final MatterKey LICENCE = new MatterKey("aic", "business-licence");
    private static final MatterKey SEAL = new MatterKey("psb", "seal");
    private static final MatterKey TAX = new MatterKey("ltax", "registration");

    @Test
    void headerStepsBlocksAndCriticalPath() {
        FlowChart chart = new FlowChart("enterprise-establishment", 3, new LocalizedText("企业开办", "Start a company"),
                List.of(new FlowChart.Step(1, List.of(block(LICENCE, "营业执照", "市场监管局", 1, List.of(), 3, 15))),
                        new FlowChart.Step(2, List.of(block(SEAL, "刻章备案", "公安局", 2, List.of(LICENCE), 1, 5),
                                block(TAX, "税务登记", "地税局", 2, List.of(LICENCE, SEAL), 2, 10)))),
                List.of(LICENCE, TAX), 5, 25, 6, 30);
        assertEquals(List.of(
                "enterprise-establishment v3  企业开办  promised 5 working days (serial 6), statutory 25 (serial 30)",
                "Step 1",
                "  aic/business-licence  营业执照 (市场监管局)  3/15 working days  after: -",
                "Step 2",
                "  psb/seal  刻章备案 (公安局)  1/5 working days  after: aic/business-licence",
                "  ltax/registration  税务登记 (地税局)  2/10 working days  after: aic/business-licence, psb/seal",
                "Critical path: aic/business-licence -> ltax/registration"), ChartText.lines(chart));
    }

    @Test
    void emptyPathIsADash() {
        assertEquals("-", ChartText.path(List.of()));
        assertEquals("aic/business-licence", ChartText.path(List.of(LICENCE)));
    }

    private static Block block(MatterKey key, String name, String department, int step, List<MatterKey> after,
            int promised, int statutory) {
        return new Block(key, new LocalizedText(name, null), key.department(), new LocalizedText(department, null), step,
                after, List.of(), List.of(), statutory, promised);
    }
}
