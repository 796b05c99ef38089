package org.pastoralflow.retention;

import java.util.Map;

import org.pastoralflow.security.Confidentiality;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long records are kept after the student's date of birth ({@code pastoral.retention.*}).
 * Defaults from the IRMS Information Management Toolkit for Schools: child protection records
 * until the child's 25th birthday, SEND records until their 31st. Pastoral records are not
 * reviewed here (see docs/security.md).
 */
@ConfigurationProperties("pastoral.retention")
public record RetentionSettings(Integer safeguardingYears, Integer sendYears) {

    public RetentionSettings {
        safeguardingYears = safeguardingYears == null ? 25 : safeguardingYears;
        sendYears = sendYears == null ? 31 : sendYears;
    }

    Map<Confidentiality, Integer> yearsAfterBirth() {
        return Map.of(Confidentiality.SAFEGUARDING, safeguardingYears, Confidentiality.SEND, sendYears);
    }
}
