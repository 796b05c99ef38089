package org.pastoralflow.settings;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.function.SingletonSupplier;

/**
 * This node's {@link LiveSettings}: the {@code @ConfigurationProperties} beans that hold a setting of
 * the catalogue, found in the context once every bean is made; then the saved version is applied,
 * before the application takes any request or runs any job.
 */
@Configuration
class SettingsConfig {

    @Bean
    LiveSettings liveSettings(ConfigurableEnvironment environment, ApplicationContext context) {
        return new LiveSettings(environment, SingletonSupplier.of(() -> targets(context)));
    }

    @Bean
    SmartInitializingSingleton applySchoolSettings(SchoolSettings settings) {
        return () -> {
            settings.checkDefaults();
            settings.refresh();
        };
    }

    /**
     * Every bean bound from a prefix that holds a setting of the catalogue. Such a bean must be a bean
     * with setters (JavaBean binding): a record cannot be bound again in place, so it is refused here,
     * at start-up, rather than a change on the page silently reaching no reader.
     */
    static List<LiveSettings.Target> targets(ApplicationContext context) {
        List<LiveSettings.Target> targets = new ArrayList<>();
        for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(context).values()) {
            String prefix = bean.getAnnotation().prefix().isEmpty() ? bean.getAnnotation().value() : bean.getAnnotation().prefix();
            boolean holds = SettingsCatalogue.all().stream().anyMatch(s -> s.property().startsWith(prefix + "."));
            if (!holds) {
                continue;
            }
            if (bean.asBindTarget().getBindMethod() != BindMethod.JAVA_BEAN) {
                throw new IllegalStateException(bean.getInstance().getClass().getName() + " (" + prefix + ") holds settings of the "
                        + "settings page and must be a bean with setters, not a record, so they can be bound again while it runs");
            }
            targets.add(new LiveSettings.Target(prefix, bean.getInstance()));
        }
        return targets;
    }
}
