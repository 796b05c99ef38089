package org.pastoralflow.workflow;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WorkflowConfig.DeadlineProperties.class)
public class WorkflowConfig {

    /** {@code pastoral.deadlines.<name>=<school days>} and the school's time zone. */
    @ConfigurationProperties("pastoral")
    public static class DeadlineProperties {
        // volatile: the settings page binds the school's own values into this instance while it runs (docs/adr/0031)
        private volatile Map<String, Integer> deadlines = new HashMap<>();
        private ZoneId zone = ZoneId.of("Europe/London");

        public Map<String, Integer> getDeadlines() {
            return deadlines;
        }

        public void setDeadlines(Map<String, Integer> deadlines) {
            this.deadlines = deadlines;
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }
    }

    /** The application's clock: the engine's, in the school's time zone. */
    @Bean
    java.time.Clock clock(DeadlineProperties properties) {
        return new SchoolClock(properties.getZone());
    }

    /** Named "deadlines" because the models call it: {@code ${deadlines.fromNow('...')}}. */
    @Bean
    Deadlines deadlines(DeadlineProperties properties, TermDates termDates) {
        return new Deadlines(properties::getDeadlines, termDates::calendar, properties.getZone());
    }
}
