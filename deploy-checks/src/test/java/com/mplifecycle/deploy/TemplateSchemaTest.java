package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.template.SamTemplate;

class TemplateSchemaTest {
    private static TemplateSchema schema;

    @BeforeAll
    static void loadSchemas() {
        schema = TemplateSchema.load();
    }

    @Test
    void validate_repositoryTemplate_hasNoFindings() {
        List<String> findings = schema.validate(SamTemplate.load(TemplateText.path()));

        assertEquals(List.of(), findings);
    }

    @Test
    void validate_misspelledFunctionProperty_namesFunctionAndProperty() {
        SamTemplate broken = TemplateText.with("      Timeout: 60\n", "      Timeot: 60\n");

        List<String> findings = schema.validate(broken);

        assertOneFinding(findings, "LifecycleFunction (AWS::Serverless::Function)", "Timeot");
    }

    @Test
    void validate_misspelledEventProperty_namesFunctionEventAndProperty() {
        SamTemplate broken = TemplateText.with("EventsTable.StreamArn\n            StartingPosition: TRIM_HORIZON",
                "EventsTable.StreamArn\n            StartingPostion: TRIM_HORIZON");

        List<String> findings = schema.validate(broken);

        assertOneFinding(findings, "LifecycleFunction Events.NewEvents (DynamoDB)", "StartingPostion");
    }

    @Test
    void validate_misspelledGlobal_namesGlobalsAndProperty() {
        SamTemplate broken = TemplateText.with("    MemorySize: 1024\n", "    MemorySise: 1024\n");

        List<String> findings = schema.validate(broken);

        assertOneFinding(findings, "Globals", "MemorySise");
    }

    @Test
    void validate_wrongTypeOnQueue_namesQueueAndProperty() {
        SamTemplate broken = TemplateText.with("MessageRetentionPeriod: 1209600", "MessageRetentionPeriod: two-weeks");

        List<String> findings = schema.validate(broken);

        assertOneFinding(findings, "StreamFailureQueue (AWS::SQS::Queue)", "MessageRetentionPeriod");
    }

    @Test
    void validate_queueValueAboveMaximum_namesQueueAndProperty() {
        SamTemplate broken = TemplateText.with("MessageRetentionPeriod: 1209600", "MessageRetentionPeriod: 99999999");

        List<String> findings = schema.validate(broken);

        assertOneFinding(findings, "StreamFailureQueue (AWS::SQS::Queue)", "MessageRetentionPeriod");
    }

    @Test
    void validate_badEnumOnTable_namesTableAndProperty() {
        String profilesKey = "  ProfilesTable:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
                + "      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:\n        - AttributeName: pk\n"
                + "          AttributeType: S\n";
        SamTemplate broken = TemplateText.with(profilesKey, profilesKey.replace("Type: S", "Type: STRING"));

        List<String> findings = schema.validate(broken);

        assertOneFinding(findings, "ProfilesTable (AWS::DynamoDB::Table)", "AttributeType");
    }

    @Test
    void validate_refWhereQueueExpectsInteger_checksParameterDefaultAsInteger() {
        SamTemplate broken = TemplateText.with("MessageRetentionPeriod: 1209600",
                "MessageRetentionPeriod: !Ref EventTtlDays");

        List<String> findings = schema.validate(broken);

        // EventTtlDays defaults to 400: an integer within SQS's 60..1209600, so nothing to report.
        assertEquals(List.of(), findings);
    }

    @Test
    void validate_resourceTypeWithoutSchema_isReported() {
        SamTemplate broken = TemplateText.with("  StreamFailureQueue:\n",
                "  Topic:\n    Type: AWS::SNS::Topic\n\n  StreamFailureQueue:\n");

        List<String> findings = schema.validate(broken);

        assertOneFinding(findings, "Topic (AWS::SNS::Topic)", "no CloudFormation registry schema");
    }

    private static void assertOneFinding(List<String> findings, String where, String what) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        String finding = findings.get(0);
        assertTrue(finding.startsWith(where) && finding.contains(what),
                () -> "expected a finding about " + where + " / " + what + ", got " + finding);
    }
}
