package org.pastoralflow.investigation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school may change about investigations ({@code pastoral.investigation.*}).
 *
 * @param cctvRetentionDays     calendar days the CCTV system keeps footage before overwriting it
 * @param cctvWarningDays       how many days before that the investigator is warned
 * @param suspensionLimitDays   school days of suspension a pupil may have in one school year (DfE, 2024: 45)
 * @param attachmentMaxBytes    largest scanned statement or photo accepted
 * @param schoolYearStartMonth  the month the school year starts, for the suspension count
 */
@ConfigurationProperties("pastoral.investigation")
public record InvestigationSettings(Integer cctvRetentionDays, Integer cctvWarningDays, Integer suspensionLimitDays,
                                    Long attachmentMaxBytes, Integer schoolYearStartMonth) {

    public InvestigationSettings {
        cctvRetentionDays = cctvRetentionDays == null ? 30 : cctvRetentionDays;
        cctvWarningDays = cctvWarningDays == null ? 7 : cctvWarningDays;
        suspensionLimitDays = suspensionLimitDays == null ? 45 : suspensionLimitDays;
        attachmentMaxBytes = attachmentMaxBytes == null ? 5L * 1024 * 1024 : attachmentMaxBytes;
        schoolYearStartMonth = schoolYearStartMonth == null ? 9 : schoolYearStartMonth;
    }
}
