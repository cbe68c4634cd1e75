package org.tanghulu.desk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.plan.UnifiedForm;

class CaseDataLabelsTest {

    @Test
    void aChoiceValueReadsAsItsOptionLabelAndOtherValuesAsThemselves() {
        Validation v = new Validation(true, null, null, null, null, null, List.of("自有", "租赁"),
                Map.of("自有", new LocalizedText("自有", "Owned")));
        UnifiedForm.Field premises = new UnifiedForm.Field("premises-ownership", DataType.CHOICE,
                new LocalizedText("经营场所产权情况", "Premises"), null, v, UnifiedForm.Source.APPLICANT, null, List.of(), null);
        CaseData.Labels labels = new CaseData.Labels(List.of(premises), List.of(), null);
        assertEquals(new LocalizedText("自有", "Owned"), labels.value("premises-ownership", "自有"));
        assertEquals(new LocalizedText("租赁", "租赁"), labels.value("premises-ownership", "租赁"));
        assertEquals(new LocalizedText("别的", "别的"), labels.value("premises-ownership", "别的"));
        assertEquals(new LocalizedText("x", "x"), labels.value("enterprise-name", "x"));
    }
}
